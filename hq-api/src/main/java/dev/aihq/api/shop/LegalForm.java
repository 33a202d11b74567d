package dev.aihq.api.shop;

/** The seller's legal form, which decides taxes and the law a legal answer cites. */
public enum LegalForm {
    /** Individual entrepreneur: ИП in Kazakhstan and Russia. */
    IP("ИП"),
    /** Kazakh limited liability partnership: ТОО. */
    TOO("ТОО"),
    /** Russian limited liability company: ООО. */
    OOO("ООО");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    /**
     * Returns the Russian abbreviation sellers use.
     *
     * @return e.g. {@code ИП}
     */
    public String label() {
        return label;
    }

    /**
     * Finds the form by its Russian abbreviation or its constant name, ignoring case.
     *
     * @param text e.g. {@code ТОО} or {@code too}
     * @return the form
     * @throws IllegalArgumentException naming the accepted values when none matches
     */
    public static LegalForm parse(String text) {
        String t = text.strip();
        for (LegalForm form : values()) {
            if (form.label.equalsIgnoreCase(t) || form.name().equalsIgnoreCase(t)) {
                return form;
            }
        }
        throw new IllegalArgumentException("legal form must be one of ИП, ТОО, ООО, got '" + text + "'");
    }
}
