package dev.aihq.agents.sales.guard;

import dev.aihq.agents.sales.guard.GuardContext.Language;
import dev.aihq.agents.text.PhraseBook;
import java.util.Optional;
import java.util.Set;

/**
 * Tells Russian, Kazakh and Latin-script text apart without a model, by counting.
 *
 * <ul>
 *   <li>A Kazakh word is a Cyrillic word with one of the letters only Kazakh uses (ә ғ қ ң ө ұ ү һ і) or one
 *       of a few frequent Kazakh words spelt without them (мен, рахмет, осы, тапсырыс…). Russian words never
 *       have these letters, while in ordinary Kazakh text a third to a half of the words do.</li>
 *   <li>A Russian word is one of the most frequent Russian function words (и, в, на, для, вы, спасибо…).</li>
 *   <li>Text is mostly Latin when it has at least 3 Latin letters and more Latin than Cyrillic letters.</li>
 *   <li>Text is Kazakh enough when at least 15 % of its Cyrillic words are Kazakh words, and Russian when it
 *       has at least 3 Kazakh words making 30 % of its words or more. The bands are asymmetric on purpose:
 *       a Russian message may greet in Kazakh or quote a Kazakh product name, and a Kazakh message may use
 *       Russian loanwords, without being refused.</li>
 *   <li>Texts of fewer than 4 Cyrillic words are too short to judge between Russian and Kazakh and pass.</li>
 * </ul>
 */
final class LanguageHeuristic {

    private static final String KAZAKH_LETTERS = "әғқңөұүһі";
    private static final Set<String> KAZAKH_WORDS = Set.of("мен", "рахмет", "осы", "бар", "болса", "бола",
            "тапсырыс", "тапсырысты", "сатып", "алып", "алу", "керек", "жаса", "бе", "ма", "ме", "па", "пе",
            "арзан", "жаксы", "сау", "болыныз", "жана", "тауар", "тауарды", "дукен");
    private static final Set<String> RUSSIAN_WORDS = Set.of("и", "в", "во", "на", "что", "для", "вы", "вас",
            "вам", "ваш", "ваша", "ваше", "ваши", "вашего", "вашему", "спасибо", "заказ", "заказа", "заказе",
            "по", "это", "не", "с", "со", "к", "здравствуйте", "пожалуйста", "товар", "товара", "товару", "мы",
            "если", "или", "как", "будет", "также", "от", "за", "у", "о", "об", "при", "все", "уже", "можно",
            "есть", "нас", "нам", "наш", "наши", "его", "ее", "он", "она", "они", "только", "очень", "который",
            "которая", "которые", "подойдет", "рекомендуем");
    private static final int MIN_WORDS = 4;

    private LanguageHeuristic() {}

    /** Counts of one text. */
    record Counts(int latinLetters, int cyrillicLetters, int cyrillicWords, int kazakhWords, int russianWords) {

        boolean mostlyLatin() {
            return latinLetters >= 3 && latinLetters > cyrillicLetters;
        }

        boolean kazakhEnough() {
            return kazakhWords * 100 >= 15 * cyrillicWords && kazakhWords > 0;
        }

        boolean clearlyKazakh() {
            return kazakhWords >= 3 && kazakhWords * 100 >= 30 * cyrillicWords;
        }
    }

    /**
     * Counts the letters and words of a text.
     *
     * @param text the text
     * @return the counts
     */
    static Counts count(String text) {
        int latin = 0;
        int cyrillic = 0;
        int words = 0;
        int kazakh = 0;
        int russian = 0;
        String lower = PhraseBook.normalize(text);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            Character.UnicodeScript script = Character.isLetter(c) ? Character.UnicodeScript.of(c) : null;
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
                word.append(c);
                continue;
            }
            if (word.length() > 0) {
                String w = word.toString();
                words++;
                if (hasKazakhLetter(w) || KAZAKH_WORDS.contains(w)) {
                    kazakh++;
                } else if (RUSSIAN_WORDS.contains(w)) {
                    russian++;
                }
                word.setLength(0);
            }
        }
        return new Counts(latin, cyrillic, words, kazakh, russian);
    }

    private static boolean hasKazakhLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (KAZAKH_LETTERS.indexOf(word.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the language a customer clearly wrote in: Kazakh when at least half of the Cyrillic words are
     * Kazakh words, Russian when there is Cyrillic and no Kazakh word, else nothing (Latin, mixed, empty).
     *
     * @param message the customer's message
     * @return the language, or empty when unclear
     */
    static Optional<Language> languageOf(String message) {
        Counts c = count(message);
        if (c.cyrillicWords() == 0 || c.mostlyLatin()) {
            return Optional.empty();
        }
        if (c.kazakhWords() > 0 && c.kazakhWords() * 2 >= c.cyrillicWords()) {
            return Optional.of(Language.KK);
        }
        return c.kazakhWords() == 0 ? Optional.of(Language.RU) : Optional.empty();
    }

    /**
     * Checks that a text is written in the expected language.
     *
     * @param text the text, without product names, links and codes (they are Latin or foreign by nature)
     * @param expected the expected language
     * @return the problem, or empty
     */
    static Optional<String> problem(String text, Language expected) {
        Counts c = count(text);
        String want = expected.displayName();
        if (c.mostlyLatin()) {
            return Optional.of("the text is mostly in Latin letters (" + c.latinLetters() + " Latin, "
                    + c.cyrillicLetters() + " Cyrillic); write it in " + want);
        }
        if (c.cyrillicWords() < MIN_WORDS) {
            return Optional.empty();
        }
        if (expected == Language.KK && !c.kazakhEnough()) {
            return Optional.of("the text is in Russian (" + c.kazakhWords() + " of " + c.cyrillicWords()
                    + " words are Kazakh); write it in Kazakh");
        }
        if (expected == Language.RU && c.clearlyKazakh()) {
            return Optional.of("the text is in Kazakh (" + c.kazakhWords() + " of " + c.cyrillicWords()
                    + " words are Kazakh); write it in Russian");
        }
        return Optional.empty();
    }
}
