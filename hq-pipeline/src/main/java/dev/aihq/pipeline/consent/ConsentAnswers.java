package dev.aihq.pipeline.consent;

import dev.aihq.api.event.CustomerReplyEvent;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a customer's reply as an answer about consent, if it is one:
 *
 * <ul>
 *   <li>a tapped button of the {@link ConsentQuestion} answers by its id, at any time;
 *   <li>an opt-out in words ({@link OptOutPhrases}) is {@link ConsentAnswer#STOP}, at any time;
 *   <li>a typed yes or no ("да", "иә", "нет", "жоқ", alone or with at most {@value #MAX_WORDS_AFTER_ANSWER}
 *       more words, as in "да, покажите") answers only while the question waits for an answer, because
 *       "да" in the middle of a conversation is not consent to offers; a yes that also carries a no
 *       ("да не надо", "да нет") is not read as yes.
 * </ul>
 * Immutable and thread-safe.
 */
public final class ConsentAnswers {

    /** How many words may follow a typed yes or no for the reply to still read as the answer. */
    public static final int MAX_WORDS_AFTER_ANSWER = 2;

    private final ConsentQuestion question;
    private final OptOutPhrases optOuts;

    /**
     * Reads answers to a question, with opt-out words.
     *
     * @param question the question whose buttons and words answer
     * @param optOuts the opt-out words and phrases
     */
    public ConsentAnswers(ConsentQuestion question, OptOutPhrases optOuts) {
        this.question = Objects.requireNonNull(question, "question");
        this.optOuts = Objects.requireNonNull(optOuts, "opt-outs");
    }

    /**
     * Reads the shipped question and opt-out words.
     *
     * @return the reader
     */
    public static ConsentAnswers defaults() {
        return new ConsentAnswers(ConsentQuestion.defaults(), OptOutPhrases.defaults());
    }

    /**
     * Reads a reply.
     *
     * @param reply what the customer sent
     * @param questionPending whether the consent question was asked and not yet answered
     * @return the answer, or empty when the reply is not one
     */
    public Optional<ConsentAnswer> read(CustomerReplyEvent reply, boolean questionPending) {
        Objects.requireNonNull(reply, "reply");
        String button = reply.buttonId();
        if (button != null) {
            if (button.equals(question.yes().id())) {
                return Optional.of(ConsentAnswer.YES);
            }
            if (button.equals(question.no().id())) {
                return Optional.of(ConsentAnswer.NO);
            }
            if (button.equals(question.stop().id())) {
                return Optional.of(ConsentAnswer.STOP);
            }
        }
        if (optOuts.isOptOut(reply.text())) {
            return Optional.of(ConsentAnswer.STOP);
        }
        if (!questionPending) {
            return Optional.empty();
        }
        List<String> words = OptOutPhrases.words(reply.text());
        if (startsWithAnswer(words, question.noWords())) {
            return Optional.of(ConsentAnswer.NO);
        }
        if (startsWithAnswer(words, question.yesWords()) && !containsAnswer(words, question.noWords())) {
            return Optional.of(ConsentAnswer.YES);
        }
        return Optional.empty();
    }

    /** Tells whether a no appears anywhere in the words ("да не надо", "да нет"): such a reply is no consent. */
    private static boolean containsAnswer(List<String> words, Set<String> answers) {
        for (String answer : answers) {
            if (Collections.indexOfSubList(words, List.of(answer.split(" "))) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAnswer(List<String> words, Set<String> answers) {
        for (String answer : answers) {
            List<String> answerWords = List.of(answer.split(" "));
            if (words.size() >= answerWords.size() && words.size() <= answerWords.size() + MAX_WORDS_AFTER_ANSWER
                    && words.subList(0, answerWords.size()).equals(answerWords)) {
                return true;
            }
        }
        return false;
    }
}
