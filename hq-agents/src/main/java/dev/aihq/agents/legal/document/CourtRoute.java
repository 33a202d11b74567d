package dev.aihq.agents.legal.document;

import dev.aihq.agents.sales.SalesLanguage;
import dev.aihq.api.event.LegalEventType;
import dev.aihq.api.shop.LegalForm;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Where a dispute goes after the pre-trial step, by jurisdiction, the seller's legal form and whether it is a
 * consumer dispute (a buyer against the seller) or a business one (the seller against a marketplace):
 * <ul>
 *   <li>KZ, ИП or a legal entity against a marketplace: the specialised inter-district economic court, after the
 *       pre-trial step ({@code KZ.CPC.pretrial});</li>
 *   <li>KZ consumer dispute: the buyer may go to the consumer-protection committee or a district court of general
 *       jurisdiction ({@code KZ.CPL.court});</li>
 *   <li>RU, ООО or ИП against a marketplace: the arbitration court, not before 30 calendar days after the claim was
 *       sent ({@code RU.APK.4.5});</li>
 *   <li>RU consumer dispute: a court of general jurisdiction under the consumer-protection law (no rule id).</li>
 * </ul>
 * The legal form does not change the route today (an ИП and a legal entity both litigate commercially), but it is
 * part of the key so that a form-specific route can be added. The wording lives in the draft-text resources.
 *
 * @param text the route per language (Russian and Kazakh), one sentence starting in lower case
 * @param ruleIds the ids of the rules the route rests on, as in the shipped corpus and rule data; may be empty
 */
public record CourtRoute(Map<SalesLanguage, String> text, List<String> ruleIds) {

    /** Requires a text per language; copies the collections. */
    public CourtRoute {
        text = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(text, "text")));
        ruleIds = List.copyOf(ruleIds);
        for (SalesLanguage language : SalesLanguage.values()) {
            if (text.get(language) == null || text.get(language).isBlank()) {
                throw new IllegalArgumentException("court route has no text in " + language.code());
            }
        }
    }

    /**
     * Finds the route of a draft's case: a buyer against the seller for a customer dispute or a template addressed
     * to the buyer, else the seller against the marketplace; the seller's form is the event's, else the shop's.
     *
     * @param input the draft's input
     * @param template the conclusion's template, to tell whom it addresses, or {@code null} without one
     * @return the route, or {@code null} when the conclusion has no jurisdiction AI HQ knows courts for
     */
    public static @Nullable CourtRoute of(DraftInput input, @Nullable LegalTemplates.Template template) {
        String jurisdiction = input.conclusion().jurisdiction();
        if (jurisdiction == null || !(jurisdiction.equals("KZ") || jurisdiction.equals("RU"))) {
            return null;
        }
        boolean consumer = input.event().eventType() == LegalEventType.CUSTOMER_DISPUTE
                || template != null && template.addressee().equals("buyer");
        LegalForm form = input.event().businessType() != null ? input.event().businessType()
                : input.shop().legalForm();
        return of(jurisdiction, form, consumer);
    }

    /**
     * Finds the route.
     *
     * @param jurisdiction {@code KZ} or {@code RU}
     * @param form the seller's legal form
     * @param consumerDispute {@code true} for a buyer against the seller, {@code false} for the seller against a
     *     marketplace
     * @return the route
     * @throws IllegalArgumentException for another jurisdiction
     */
    public static CourtRoute of(String jurisdiction, LegalForm form, boolean consumerDispute) {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(form, "form");
        List<String> ids;
        switch (jurisdiction) {
            case "KZ" -> ids = consumerDispute ? List.of("KZ.CPL.court") : List.of("KZ.CPC.pretrial");
            case "RU" -> ids = consumerDispute ? List.of() : List.of("RU.APK.4.5");
            default -> throw new IllegalArgumentException("jurisdiction must be KZ or RU, got '" + jurisdiction + "'");
        }
        String key = "court." + jurisdiction + (consumerDispute ? ".consumer" : ".business");
        Map<SalesLanguage, String> text = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            text.put(language, DraftTexts.of(language).text(key));
        }
        return new CourtRoute(text, ids);
    }

    /**
     * Returns the route in a language.
     *
     * @param language the language
     * @return the sentence
     */
    public String text(SalesLanguage language) {
        return text.get(language);
    }
}
