package dev.aihq.pipeline.consent;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises a customer's message that asks the shop to stop writing: "СТОП", "отписаться", "не пишите
 * мне", "ТОҚТАТУ", "маған жазбаңыз", "unsubscribe". An opt-out ends every message to that customer from
 * that shop for good, so recognition is deliberately narrow: a false opt-out loses a customer, a missed one
 * is caught by the opt-out button and the marketplace's own stop signal.
 *
 * <p>A message opts out when, after normalising (Unicode NFKC, lower case, {@code ё} as {@code е},
 * punctuation and emoji dropped, spaces collapsed), it
 * <ul>
 *   <li>is a stop word alone, or a stop word followed by at most {@value #MAX_WORDS_AFTER_STOP_WORD} more
 *       words ("стоп рассылка", "stop please") — but not "стоп, а какая сейчас цена?", where "стоп" means
 *       "wait"; or</li>
 *   <li>contains a stop phrase as whole words anywhere ("пожалуйста, не пишите мне больше").</li>
 * </ul>
 * Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) are kept as they are. Immutable and thread-safe.
 */
public final class OptOutPhrases {

    /** How many words may follow a stop word for the message to still read as "stop". */
    public static final int MAX_WORDS_AFTER_STOP_WORD = 2;

    private static final List<String> DEFAULT_STOP_WORDS = List.of(
            "стоп", "stop", "тоқтату", "тоқтат", "тоқта", "отписаться", "отписка", "отпишите", "unsubscribe",
            "хватит");

    private static final List<String> DEFAULT_STOP_PHRASES = List.of(
            // Russian
            "не пишите", "не присылайте", "не отправляйте", "не беспокойте", "отпишите меня", "отписаться",
            "удалите мой номер", "удалите меня", "не хочу получать",
            // Kazakh
            "тоқтатыңыз", "жазбаңыз", "жібермеңіз", "мазаламаңыз", "нөмірімді өшіріңіз",
            // English
            "unsubscribe", "stop messaging", "stop sending", "do not message", "don t message", "opt out");

    private static final OptOutPhrases DEFAULTS = new OptOutPhrases(DEFAULT_STOP_WORDS, DEFAULT_STOP_PHRASES);

    private final Set<String> stopWords;
    private final List<List<String>> stopPhrases;

    private OptOutPhrases(Collection<String> stopWords, Collection<String> stopPhrases) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : stopWords) {
            List<String> normalised = words(Objects.requireNonNull(word, "stop word"));
            if (normalised.size() != 1) {
                throw new IllegalArgumentException("a stop word must be one word, got '" + word + "'");
            }
            words.add(normalised.get(0));
        }
        List<List<String>> phrases = new ArrayList<>();
        for (String phrase : stopPhrases) {
            List<String> normalised = words(Objects.requireNonNull(phrase, "stop phrase"));
            if (normalised.isEmpty()) {
                throw new IllegalArgumentException("a stop phrase must have at least one word, got '" + phrase + "'");
            }
            phrases.add(List.copyOf(normalised));
        }
        this.stopWords = Set.copyOf(words);
        this.stopPhrases = List.copyOf(phrases);
    }

    /**
     * Returns the shipped words and phrases, in Russian, Kazakh and English.
     *
     * @return the default recogniser
     */
    public static OptOutPhrases defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a recogniser of the shipped words and phrases plus a shop's own.
     *
     * @param stopWords more single words that opt out alone or with a few words after them
     * @param stopPhrases more phrases that opt out wherever they appear
     * @return the recogniser
     * @throws IllegalArgumentException when a stop word is not one word or a phrase has no word
     */
    public OptOutPhrases with(Collection<String> stopWords, Collection<String> stopPhrases) {
        List<String> words = new ArrayList<>(this.stopWords);
        words.addAll(stopWords);
        List<String> phrases = new ArrayList<>();
        this.stopPhrases.forEach(p -> phrases.add(String.join(" ", p)));
        phrases.addAll(stopPhrases);
        return new OptOutPhrases(words, phrases);
    }

    /**
     * Tells whether a message asks to stop.
     *
     * @param message what the customer wrote
     * @return {@code true} for an opt-out
     */
    public boolean isOptOut(String message) {
        return match(message).isPresent();
    }

    /**
     * Returns the word or phrase that makes a message an opt-out, for the record of why.
     *
     * @param message what the customer wrote
     * @return the matched word or phrase, normalised; empty when the message does not opt out
     */
    public Optional<String> match(String message) {
        List<String> words = words(Objects.requireNonNull(message, "message"));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        if (stopWords.contains(words.get(0)) && words.size() <= 1 + MAX_WORDS_AFTER_STOP_WORD) {
            return Optional.of(words.get(0));
        }
        for (List<String> phrase : stopPhrases) {
            if (Collections.indexOfSubList(words, phrase) >= 0) {
                return Optional.of(String.join(" ", phrase));
            }
        }
        return Optional.empty();
    }

    /** Normalises a text into its words: NFKC, lower case, ё as е, only letters and digits kept. */
    static List<String> words(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        StringBuilder kept = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(c -> kept.appendCodePoint(Character.isLetterOrDigit(c) ? c : ' '));
        String collapsed = kept.toString().trim();
        return collapsed.isEmpty() ? List.of() : List.of(collapsed.split(" +"));
    }
}
