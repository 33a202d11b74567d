package dev.aihq.api.result;

import dev.aihq.api.document.DocumentProblem;
import dev.aihq.api.legal.LegalSourceStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The legal agent's result in the seed's shape {@code {analysis, risk_level, document, recommendation}}, extended
 * and never changed: whether the seller can contest, the deadline with whether an official source sets it, and
 * the sources it rests on.
 *
 * <p>The risk level, {@code can_contest} and the deadline are decided by the rule layer in code; the model only
 * words the analysis, the document and the recommendation around them. A deadline is the last moment, with the
 * shop's zone offset; {@code deadline_official} is {@code true} only when an official source sets the period,
 * otherwise {@link #deadlineNote()} says what it is (a secondary source to verify, or the shop's internal target,
 * which is not a rule).
 *
 * @param analysis the analysis of the situation
 * @param riskLevel the risk, decided by code
 * @param document the ready text of the objection, claim or reply
 * @param recommendation what to do next
 * @param canContest whether the seller can contest in principle
 * @param deadline the deadline in the shop's zone, or {@code null} when none can be computed
 * @param deadlineOfficial whether an official source sets the deadline
 * @param deadlineNote what the deadline rests on, in words, or {@code null} without a deadline
 * @param sources the rules and passages the assessment rests on, with their status; every rule id the texts cite
 *     is among them
 * @param jurisdiction {@code KZ} or {@code RU}, or {@code null} when it could not be derived
 * @param template the document template (T1–T9), or {@code null} when none applies
 * @param templateDraft {@code true} when the document is the template filled by code without a model, to be
 *     completed and checked by the seller
 * @param documentProblems the event's documents that could not be used, each with its reason
 * @param notes what the rule layer noticed (risk raised and why, unconfirmed context flagged {@code [UNCONF]})
 */
public record LegalAssessment(
        String analysis,
        RiskLevel riskLevel,
        String document,
        String recommendation,
        CanContest canContest,
        @Nullable OffsetDateTime deadline,
        boolean deadlineOfficial,
        @Nullable String deadlineNote,
        List<LegalSource> sources,
        @Nullable String jurisdiction,
        @Nullable String template,
        boolean templateDraft,
        List<DocumentProblem> documentProblems,
        List<String> notes) {

    /** Requires every part, keeps the deadline consistent, and copies the lists. */
    public LegalAssessment {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(riskLevel, "risk level");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(canContest, "can contest");
        sources = List.copyOf(sources);
        documentProblems = List.copyOf(documentProblems);
        notes = List.copyOf(notes);
        if (deadlineOfficial && deadline == null) {
            throw new IllegalArgumentException("an official deadline needs a deadline");
        }
        if (deadline != null && (deadlineNote == null || deadlineNote.isBlank())) {
            throw new IllegalArgumentException("a deadline needs a note saying what it rests on");
        }
        if (deadlineOfficial && sources.stream().noneMatch(s -> s.status() == LegalSourceStatus.OFFICIAL)) {
            throw new IllegalArgumentException("an official deadline needs an official source");
        }
    }

    /**
     * An assessment with only the seed's four parts: nothing decided about contesting, no deadline, no sources.
     *
     * @param analysis the analysis
     * @param riskLevel the risk
     * @param document the document
     * @param recommendation the recommendation
     * @return the assessment
     */
    public static LegalAssessment of(String analysis, RiskLevel riskLevel, String document, String recommendation) {
        return builder().analysis(analysis).riskLevel(riskLevel).document(document).recommendation(recommendation)
                .build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this assessment.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.analysis = analysis;
        b.riskLevel = riskLevel;
        b.document = document;
        b.recommendation = recommendation;
        b.canContest = canContest;
        b.deadline = deadline;
        b.deadlineOfficial = deadlineOfficial;
        b.deadlineNote = deadlineNote;
        b.sources.addAll(sources);
        b.jurisdiction = jurisdiction;
        b.template = template;
        b.templateDraft = templateDraft;
        b.documentProblems.addAll(documentProblems);
        b.notes.addAll(notes);
        return b;
    }

    /** Builds {@link LegalAssessment}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String analysis;
        private @Nullable RiskLevel riskLevel;
        private @Nullable String document;
        private @Nullable String recommendation;
        private CanContest canContest = CanContest.NOT_DETERMINED;
        private @Nullable OffsetDateTime deadline;
        private boolean deadlineOfficial;
        private @Nullable String deadlineNote;
        private final List<LegalSource> sources = new ArrayList<>();
        private @Nullable String jurisdiction;
        private @Nullable String template;
        private boolean templateDraft;
        private final List<DocumentProblem> documentProblems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder() {}

        /** @param v the analysis @return this builder */
        public Builder analysis(String v) {
            analysis = v;
            return this;
        }

        /** @param v the risk level @return this builder */
        public Builder riskLevel(RiskLevel v) {
            riskLevel = v;
            return this;
        }

        /** @param v the document @return this builder */
        public Builder document(String v) {
            document = v;
            return this;
        }

        /** @param v the recommendation @return this builder */
        public Builder recommendation(String v) {
            recommendation = v;
            return this;
        }

        /** @param v whether the seller can contest; default not determined @return this builder */
        public Builder canContest(CanContest v) {
            canContest = Objects.requireNonNull(v, "can contest");
            return this;
        }

        /**
         * Sets the deadline.
         *
         * @param at the last moment, or null
         * @param official whether an official source sets it
         * @param note what it rests on, or null without a deadline
         * @return this builder
         */
        public Builder deadline(@Nullable OffsetDateTime at, boolean official, @Nullable String note) {
            deadline = at;
            deadlineOfficial = official;
            deadlineNote = note;
            return this;
        }

        /** @param v the sources, replacing earlier ones @return this builder */
        public Builder sources(List<LegalSource> v) {
            sources.clear();
            sources.addAll(v);
            return this;
        }

        /** @param v KZ or RU, or null @return this builder */
        public Builder jurisdiction(@Nullable String v) {
            jurisdiction = v;
            return this;
        }

        /**
         * Sets the template and whether the document is its code-filled draft.
         *
         * @param id the template, or null
         * @param draft whether the document is the template draft
         * @return this builder
         */
        public Builder template(@Nullable String id, boolean draft) {
            template = id;
            templateDraft = draft;
            return this;
        }

        /** @param v the documents that could not be used, replacing earlier ones @return this builder */
        public Builder documentProblems(List<DocumentProblem> v) {
            documentProblems.clear();
            documentProblems.addAll(v);
            return this;
        }

        /** @param v the rule layer's notes, replacing earlier ones @return this builder */
        public Builder notes(List<String> v) {
            notes.clear();
            notes.addAll(v);
            return this;
        }

        /**
         * Builds the assessment.
         *
         * @return the assessment
         * @throws NullPointerException naming a missing seed part
         * @throws IllegalArgumentException when the deadline parts disagree
         */
        public LegalAssessment build() {
            return new LegalAssessment(Objects.requireNonNull(analysis, "analysis"),
                    Objects.requireNonNull(riskLevel, "risk level"), Objects.requireNonNull(document, "document"),
                    Objects.requireNonNull(recommendation, "recommendation"), canContest, deadline, deadlineOfficial,
                    deadlineNote, sources, jurisdiction, template, templateDraft, documentProblems, notes);
        }
    }
}
