package dev.aihq.agents.legal.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately small stemmer and tokenizer for Russian (and, without stemming rules of its own, Kazakh) text,
 * good enough for lexical retrieval over short legal passages.
 *
 * <p>Normalisation: lower case ({@link Locale#ROOT}) and {@code ё} → {@code е}. Stemming: a word of more than
 * three letters that contains no digit loses the longest of the common Russian inflection endings listed in
 * {@link #ENDINGS} (noun, adjective and participle case endings such as {@code -ами}, {@code -ого}, {@code -ием},
 * {@code -ые}, {@code -ов}, {@code -а}, {@code -ы}; the noun suffix {@code -ость}/{@code -ости}) whose removal
 * leaves at least two letters, so {@code штраф}, {@code штрафа}, {@code штрафы} and {@code штрафов} all become
 * {@code штраф}. Verb endings are left alone (they clash with noun stems such as {@code кредит}). Words with
 * other letters (Latin, or the Kazakh-only letters {@code ә ғ қ ң ө ұ ү һ і}) are only lower-cased.
 *
 * <p>Tokenization keeps numbers and dotted or hyphenated identifiers: {@code KZ.CPL.30.1} yields the whole
 * identifier {@code kz.cpl.30.1} plus its parts, {@code 5 %} yields {@code 5}. A short list of Russian function
 * words is dropped.
 */
public final class RussianStemmer {

    /** The endings tried, longest first. */
    public static final List<String> ENDINGS = List.of(
            "иями", "ость", "ости",
            "ями", "ами", "ием", "иях", "ого", "его", "ому", "ему", "ыми", "ими",
            "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ым", "им", "ом", "ем", "ам",
            "ям", "ах", "ях", "ов", "ев", "ых", "их", "ия", "ию", "ии", "ье", "ья", "ью",
            "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[./-][\\p{L}\\p{N}]+)*");
    private static final Pattern PART = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern CYRILLIC_WORD = Pattern.compile("[а-яё]+");
    private static final Set<String> STOP_WORDS = Set.of("и", "в", "во", "на", "с", "со", "по", "за", "не", "от",
            "до", "для", "или", "а", "к", "о", "об", "из", "у", "при", "что", "это", "как", "то", "же", "ли", "без",
            "его", "ее", "их", "он", "она", "они", "так", "но", "бы", "если", "только", "через", "том", "те", "этот",
            "эта", "эти", "все", "ни");

    private RussianStemmer() {}

    /**
     * Normalises and stems one word.
     *
     * @param word the word
     * @return its stem, lower case
     */
    public static String stem(String word) {
        String w = normalise(word);
        if (w.length() <= 3 || !CYRILLIC_WORD.matcher(w).matches()) {
            return w;
        }
        for (String ending : ENDINGS) {
            if (w.endsWith(ending) && w.length() - ending.length() >= 2) {
                return w.substring(0, w.length() - ending.length());
            }
        }
        return w;
    }

    /**
     * Splits a text into search terms: stems of its words, numbers, and identifiers whole and in parts.
     *
     * @param text the text
     * @return the terms in text order, with repeats
     */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            Matcher parts = PART.matcher(token);
            int count = 0;
            while (parts.find()) {
                count++;
                String part = normalise(parts.group());
                if (!STOP_WORDS.contains(part)) {
                    out.add(stem(part));
                }
            }
            if (count > 1) {
                out.add(normalise(token));
            }
        }
        return out;
    }

    private static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
