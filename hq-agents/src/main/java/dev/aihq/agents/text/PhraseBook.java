package dev.aihq.agents.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sections of phrases loaded from a resource, each phrase compiled to a pattern over {@link #normalize
 * normalised} text. The format (one phrase a line, {@code [name]} starts a section, {@code word*} is a word
 * prefix, {@code ...} allows up to three words in between, {@code #} starts a comment, an optional
 * {@code = 2.5} at the end of a line gives the phrase a weight, 1 by default, that readers which score may use)
 * lets people who do not read regular expressions keep the lists. Shared by the sales guard and the inbox
 * classifier. Immutable and thread-safe.
 */
public final class PhraseBook {

    // A letter or digit: phrases match whole words only, so "вино" never matches inside "винт".
    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";
    private static final String GAP = "(?:[\\s\\p{P}\\p{S}]+" + WORD_CHAR + "+){0,3}";
    private static final Pattern SECTION = Pattern.compile("\\[([^\\[\\]]+)]");
    private static final Pattern WEIGHT = Pattern.compile("(.*?)\\s+=\\s*(-?\\d+(?:\\.\\d+)?)");

    private final String resource;
    private final Map<String, List<Phrase>> sections;

    private PhraseBook(String resource, Map<String, List<Phrase>> sections) {
        this.resource = resource;
        this.sections = sections;
    }

    /**
     * One phrase as written in the resource, its compiled pattern and its weight.
     *
     * @param text the phrase as written, without its weight
     * @param pattern the pattern over normalised text
     * @param weight the weight written after {@code =}, 1 when none
     */
    public record Phrase(String text, Pattern pattern, double weight) {}

    /**
     * A phrase found in a text.
     *
     * @param section the section it belongs to
     * @param phrase the phrase as written
     * @param found the words that matched, from the normalised text
     * @param weight the phrase's weight
     */
    public record Hit(String section, String phrase, String found, double weight) {}

    /**
     * Loads a resource from the class path.
     *
     * @param resource the absolute resource path
     * @return the phrases
     * @throws IllegalStateException naming the resource when it is missing, unreadable or malformed
     */
    public static PhraseBook load(String resource) {
        return parse(resource, lines(resource));
    }

    /**
     * Reads a resource's lines from the class path, for lists that are completed before parsing (the
     * impersonation phrases get each protected name in place of {@code {brand}}).
     *
     * @param resource the absolute resource path
     * @return its lines
     * @throws IllegalStateException naming the resource when it is missing or unreadable
     */
    public static List<String> lines(String resource) {
        InputStream in = PhraseBook.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("phrase resource " + resource + " is missing from the class path");
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("phrase resource " + resource + " could not be read", e);
        }
        return List.copyOf(lines);
    }

    /**
     * Parses the lines of a resource.
     *
     * @param resource the resource's name, for errors
     * @param lines its lines
     * @return the phrases
     * @throws IllegalStateException naming the resource and the line when malformed
     */
    public static PhraseBook parse(String resource, List<String> lines) {
        Map<String, List<Phrase>> sections = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "phrase resource " + resource + " line " + (i + 1) + ": ";
            if (line.startsWith("[")) {
                Matcher m = SECTION.matcher(line);
                if (!m.matches() || m.group(1).isBlank()) {
                    throw new IllegalStateException(where + "a section must be written [name], got '" + line + "'");
                }
                current = m.group(1).strip();
                if (sections.containsKey(current)) {
                    throw new IllegalStateException(where + "section [" + current + "] appears twice");
                }
                sections.put(current, new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(where + "the phrase '" + line + "' comes before any [section]");
            }
            double weight = 1;
            Matcher w = WEIGHT.matcher(line);
            if (w.matches()) {
                line = w.group(1).strip();
                weight = Double.parseDouble(w.group(2));
            } else if (line.contains("=")) {
                throw new IllegalStateException(where + "a weight must be written '= 2' or '= -0.5' at the end, got '"
                        + line + "'");
            }
            if (line.isEmpty()) {
                throw new IllegalStateException(where + "a weight needs a phrase before it");
            }
            sections.get(current).add(new Phrase(line, compile(where, line), weight));
        }
        if (sections.isEmpty()) {
            throw new IllegalStateException("phrase resource " + resource + " has no [section]");
        }
        Map<String, List<Phrase>> frozen = new LinkedHashMap<>();
        sections.forEach((name, phrases) -> {
            if (phrases.isEmpty()) {
                throw new IllegalStateException("phrase resource " + resource + ": section [" + name
                        + "] has no phrases");
            }
            frozen.put(name, List.copyOf(phrases));
        });
        return new PhraseBook(resource, Collections.unmodifiableMap(frozen));
    }

    private static Pattern compile(String where, String phrase) {
        String[] tokens = normalize(phrase).split("\\s+");
        StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
        boolean previousWord = false;
        boolean openEnd = false;
        for (String token : tokens) {
            if (token.equals("...")) {
                if (!previousWord) {
                    throw new IllegalStateException(where + "'...' must stand between words in '" + phrase + "'");
                }
                regex.append(GAP);
                continue;
            }
            boolean prefix = token.endsWith("*");
            String word = prefix ? token.substring(0, token.length() - 1) : token;
            if (word.isEmpty() || word.contains("*")) {
                throw new IllegalStateException(where + "'*' may only end a word, got '" + phrase + "'");
            }
            if (previousWord) {
                // Words may be separated by spaces and punctuation: "доставка — бесплатно".
                regex.append("[\\s\\p{P}]+");
            }
            regex.append(Pattern.quote(word));
            if (prefix) {
                regex.append(WORD_CHAR).append('*');
            }
            previousWord = true;
            openEnd = prefix;
        }
        if (tokens[tokens.length - 1].equals("...")) {
            throw new IllegalStateException(where + "'...' must stand between words in '" + phrase + "'");
        }
        if (!openEnd) {
            regex.append("(?!").append(WORD_CHAR).append(')');
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Compiles a phrase taken literally (no {@code *}, {@code ...} or comments), e.g. one a shop typed: its
     * words, separated in the text by spaces or punctuation, matched whole over {@link #normalize
     * normalised} text, so "вино" never matches inside "винтаж".
     *
     * @param phrase the phrase, not blank
     * @return the pattern
     */
    public static Pattern literal(String phrase) {
        String[] words = normalize(phrase).strip().split(" +");
        if (words[0].isEmpty()) {
            throw new IllegalArgumentException("a phrase must not be blank");
        }
        StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\p{P}]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        return Pattern.compile(regex.append("(?!").append(WORD_CHAR).append(')').toString());
    }

    /**
     * Normalises text for matching: lower case, {@code ё} as {@code е}, every kind of space as a plain
     * space. Keeps the length unchanged, so offsets in the normalised text are offsets in the original.
     *
     * @param text the text
     * @return the normalised text
     */
    public static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSpaceChar(c) || c == '\t' || c == '\n' || c == '\r') {
                b.append(' ');
            } else if (c == 'ё' || c == 'Ё') {
                b.append('е');
            } else {
                // Character-wise lower case keeps offsets (String#toLowerCase may change the length).
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /**
     * Returns the section names in the resource's order.
     *
     * @return the names
     */
    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /**
     * Finds the first phrase of a section in a normalised text.
     *
     * @param section the section
     * @param normalized text from {@link #normalize}
     * @return the hit, or empty
     */
    public Optional<Hit> find(String section, String normalized) {
        for (Phrase phrase : sections.getOrDefault(section, List.of())) {
            Matcher m = phrase.pattern().matcher(normalized);
            if (m.find()) {
                return Optional.of(new Hit(section, phrase.text(), m.group(), phrase.weight()));
            }
        }
        return Optional.empty();
    }

    /**
     * Finds, for each section, the first phrase in a normalised text.
     *
     * @param normalized text from {@link #normalize}
     * @return one hit per section found, in the resource's order
     */
    public List<Hit> findAll(String normalized) {
        List<Hit> hits = new ArrayList<>();
        for (String section : sections.keySet()) {
            find(section, normalized).ifPresent(hits::add);
        }
        return hits;
    }

    /**
     * Finds every phrase of a section in a normalised text, each phrase at most once.
     *
     * @param section the section
     * @param normalized text from {@link #normalize}
     * @return the hits in the resource's order, empty when none or when there is no such section
     */
    public List<Hit> findEvery(String section, String normalized) {
        List<Hit> hits = new ArrayList<>();
        for (Phrase phrase : sections.getOrDefault(section, List.of())) {
            Matcher m = phrase.pattern().matcher(normalized);
            if (m.find()) {
                hits.add(new Hit(section, phrase.text(), m.group(), phrase.weight()));
            }
        }
        return hits;
    }

    /**
     * Returns a section's phrases.
     *
     * @param section the section
     * @return its phrases in the resource's order, empty when there is no such section
     */
    public List<Phrase> phrases(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /**
     * Returns the resource's name, as used in errors.
     *
     * @return the name
     */
    public String resource() {
        return resource;
    }

    @Override
    public String toString() {
        return "PhraseBook[" + resource + ", sections " + sections.keySet() + "]";
    }
}
