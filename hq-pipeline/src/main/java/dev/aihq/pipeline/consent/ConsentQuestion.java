package dev.aihq.pipeline.consent;

import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.error.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The consent question sent before a customer's first offer ("Показать подборку?" with the buttons yes,
 * no and stop), and the typed words that answer it. The shipped wording is a resource
 * ({@code dev/aihq/pipeline/consent/consent-question.properties}); the constructor and {@link #withText} build another. Immutable and
 * thread-safe.
 *
 * @param text the question
 * @param yes the button that opts in
 * @param no the button that declines offers
 * @param stop the button that opts out of every message
 * @param yesWords typed words that mean yes while the question waits for an answer
 * @param noWords typed words or phrases that mean no while the question waits for an answer
 */
public record ConsentQuestion(
        String text, QuickReply yes, QuickReply no, QuickReply stop, Set<String> yesWords, Set<String> noWords) {

    private static final String RESOURCE = "consent-question.properties";

    private static final ConsentQuestion DEFAULTS = load();

    /** Requires every part; normalises and copies the words. */
    public ConsentQuestion {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(yes, "yes");
        Objects.requireNonNull(no, "no");
        Objects.requireNonNull(stop, "stop");
        if (text.isBlank()) {
            throw new IllegalArgumentException("consent question text must not be blank");
        }
        if (Stream.of(yes.id(), no.id(), stop.id()).distinct().count() != 3) {
            throw new IllegalArgumentException("the consent buttons need three distinct ids");
        }
        yesWords = normalise(yesWords);
        noWords = normalise(noWords);
    }

    /**
     * Returns the shipped question, in Russian with Kazakh button titles.
     *
     * @return the question
     */
    public static ConsentQuestion defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the buttons in the order they are shown: yes, no, stop.
     *
     * @return the buttons
     */
    public List<QuickReply> buttons() {
        return List.of(yes, no, stop);
    }

    /**
     * Returns this question with another text and the same buttons and words (a shop's own wording).
     *
     * @param question the question's text
     * @return the copy
     */
    public ConsentQuestion withText(String question) {
        return new ConsentQuestion(question, yes, no, stop, yesWords, noWords);
    }

    private static Set<String> normalise(Set<String> words) {
        return words.stream().map(word -> String.join(" ", OptOutPhrases.words(word)))
                .filter(word -> !word.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static ConsentQuestion load() {
        Properties properties = new Properties();
        try (InputStream in = ConsentQuestion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConfigurationException("resource " + RESOURCE + " is missing from the hq-pipeline jar");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } catch (IOException e) {
            throw new ConfigurationException("resource " + RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
        return new ConsentQuestion(required(properties, "text"),
                new QuickReply(required(properties, "yes.id"), required(properties, "yes.title")),
                new QuickReply(required(properties, "no.id"), required(properties, "no.title")),
                new QuickReply(required(properties, "stop.id"), required(properties, "stop.title")),
                Set.copyOf(Arrays.asList(required(properties, "yes.words").split("\\|"))),
                Set.copyOf(Arrays.asList(required(properties, "no.words").split("\\|"))));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("resource " + RESOURCE + " has no value for '" + key + "'");
        }
        return value.strip();
    }
}
