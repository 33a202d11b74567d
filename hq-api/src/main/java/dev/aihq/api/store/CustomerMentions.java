package dev.aihq.api.store;

import dev.aihq.api.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * How a {@link PersonalDataStore} recognises a customer in stored texts and cleans them, so that every
 * implementation erases the same things.
 *
 * <ul>
 *   <li>The <b>number</b> in any of its usual forms: E.164 ({@code +77011234567}), digits only
 *       ({@code 77011234567}), the national forms of {@code +7} numbers ({@code 87011234567},
 *       {@code 7011234567}) and those written with spaces, dashes, dots or brackets
 *       ({@code +7 (701) 123-45-67}).</li>
 *   <li>The <b>full name</b> as given, and, in texts being cleaned (those that belong to the customer,
 *       such as their events, runs and messages, or mention their number or full name), also each word of
 *       it of at least two letters, e.g. the first name a greeting uses. Names match as whole words,
 *       ignoring case. A single word is not searched for in the shop's other texts: a first name alone
 *       identifies nobody, and other customers may share it.</li>
 * </ul>
 * Each match is replaced by {@value #ERASED}. A store that searches with SQL first narrows the rows with
 * {@link #searchTerms()} (contiguous substrings, usable with {@code LIKE '%term%'}) and then cleans them
 * with {@link #clean(String)}; forms with separators are cleaned but not searched for.
 *
 * @param customer the customer's number
 * @param name the customer's name, stripped, or {@code null} when unknown; see {@link #requireValidName}
 */
public record CustomerMentions(PhoneNumber customer, @Nullable String name) {

    /** What every erased mention becomes. */
    public static final String ERASED = "[erased]";

    /** The longest name accepted, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private static final String SEPARATORS = "[\\s\\-().]*";
    private static final Pattern WORDS = Pattern.compile("[\\s\\p{Punct}«»„“”]+");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Requires the number; strips and validates the name. */
    public CustomerMentions {
        Objects.requireNonNull(customer, "customer");
        name = requireValidName(name);
    }

    /**
     * Checks a customer's name as {@link PersonalDataStore#erase} takes it.
     *
     * @param name the name, or {@code null}
     * @return the name stripped of surrounding spaces, or {@code null}
     * @throws IllegalArgumentException when the name is blank, shorter than 2 or longer than
     *     {@value #MAX_NAME_LENGTH} characters
     */
    public static @Nullable String requireValidName(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() < 2 || stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("customer name must be 2-" + MAX_NAME_LENGTH
                    + " characters and not blank, got " + stripped.length() + " characters");
        }
        return stripped;
    }

    /**
     * Returns the contiguous substrings whose presence marks a text of the shop as mentioning the customer:
     * the number's national digits (for {@code +7} numbers the ten after the country code, which every
     * contiguous form contains; else all digits), and the full name when it has more than one word.
     *
     * @return the terms, without {@code LIKE} escaping
     */
    public List<String> searchTerms() {
        List<String> terms = new ArrayList<>(2);
        terms.add(nationalDigits());
        if (name != null && words().size() > 1) {
            terms.add(name);
        }
        return List.copyOf(terms);
    }

    /**
     * Returns the contiguous substrings whose presence marks a text as the customer's own, including each
     * word of the name: the terms to look for in rows already known to be the customer's.
     *
     * @return the number's national digits, the full name and its words
     */
    public List<String> ownTerms() {
        Set<String> terms = new LinkedHashSet<>(searchTerms());
        if (name != null) {
            terms.add(name);
            terms.addAll(words());
        }
        return List.copyOf(terms);
    }

    /**
     * Tells whether a text of the shop mentions the customer by number, or by full name when it has more
     * than one word.
     *
     * @param text any text
     * @return {@code true} when {@link #clean(String)} would change it because of the number or full name
     */
    public boolean mentions(String text) {
        if (phonePattern().matcher(text).find()) {
            return true;
        }
        return name != null && words().size() > 1 && wordPattern(name).matcher(text).find();
    }

    /**
     * Replaces every mention of the customer in a text by {@value #ERASED}: the number in any form, the
     * full name and each word of it.
     *
     * @param text the text
     * @return the cleaned text; the same text when it mentions nothing
     */
    public String clean(String text) {
        String cleaned = replace(phonePattern(), text);
        if (name != null) {
            cleaned = replace(wordPattern(name), cleaned);
            for (String word : words()) {
                cleaned = replace(wordPattern(word), cleaned);
            }
        }
        return cleaned;
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(ERASED)) : text;
    }

    private String nationalDigits() {
        String digits = customer.digits();
        return digits.startsWith("7") && digits.length() == 11 ? digits.substring(1) : digits;
    }

    private Pattern phonePattern() {
        String digits = customer.digits();
        StringBuilder regex = new StringBuilder("(?<!\\d)");
        String national;
        if (digits.startsWith("7") && digits.length() == 11) {
            regex.append("(?:(?:(?:\\+").append(SEPARATORS).append(")?7|8)").append(SEPARATORS).append(")?");
            national = digits.substring(1);
        } else {
            regex.append("\\+?");
            national = digits;
        }
        for (int i = 0; i < national.length(); i++) {
            if (i > 0) {
                regex.append(SEPARATORS);
            }
            regex.append(national.charAt(i));
        }
        return Pattern.compile(regex.append("(?!\\d)").toString());
    }

    private List<String> words() {
        if (name == null) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String word : WORDS.split(name)) {
            if (word.length() >= 2 && !words.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static Pattern wordPattern(String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])", FLAGS);
    }
}
