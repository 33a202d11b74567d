package dev.aihq.pipeline;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A person's decision about a run held for review ({@link AgentPipeline#deliverReviewed}): approve the held
 * draft as it is, send an edited one instead (checked by the guard again), or reject it.
 *
 * @param verdict approved, edited or rejected
 * @param reviewer who decided, as the shop's back office names them: 1 to {@value #MAX_REVIEWER_LENGTH}
 *     characters, not blank
 * @param result what to deliver: the held draft when approved, the edited result when edited; {@code null}
 *     when rejected
 * @param note the editor's note when edited (may be empty), the reason when rejected (not blank); empty when
 *     approved
 * @param <R> the result type
 */
public record ReviewDecision<R>(Verdict verdict, String reviewer, @Nullable R result, String note) {

    /** The longest reviewer name kept. */
    public static final int MAX_REVIEWER_LENGTH = 200;

    /** What the reviewer decided. */
    public enum Verdict {
        /** The held draft goes out as it is (after the guard, on fresh context). */
        APPROVED,
        /** An edited result goes out instead (after the guard, on fresh context). */
        EDITED,
        /** Nothing goes out: the run ends {@code REJECTED} with the reviewer's reason. */
        REJECTED
    }

    /** Requires a reviewer, a result unless rejected, and a reason when rejected. */
    public ReviewDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(note, "note");
        if (reviewer.isBlank() || reviewer.length() > MAX_REVIEWER_LENGTH) {
            throw new IllegalArgumentException("reviewer must be 1 to " + MAX_REVIEWER_LENGTH
                    + " characters and not blank");
        }
        if (verdict == Verdict.REJECTED) {
            if (result != null) {
                throw new IllegalArgumentException("a rejection delivers no result");
            }
            if (note.isBlank()) {
                throw new IllegalArgumentException("a rejection needs the reviewer's reason");
            }
        } else {
            Objects.requireNonNull(result, "an approval or an edit needs the result to deliver");
        }
    }

    /**
     * Approves the held draft as it is.
     *
     * @param reviewer who approved
     * @param heldDraft the run's held result, as read from its record; the pipeline refuses another one
     * @param <R> the result type
     * @return the decision
     */
    public static <R> ReviewDecision<R> approve(String reviewer, R heldDraft) {
        return new ReviewDecision<>(Verdict.APPROVED, reviewer, heldDraft, "");
    }

    /**
     * Replaces the held draft with an edited result.
     *
     * @param reviewer who edited
     * @param edited the result to deliver instead
     * @param note the editor's note for the run log, possibly empty
     * @param <R> the result type
     * @return the decision
     */
    public static <R> ReviewDecision<R> edit(String reviewer, R edited, String note) {
        return new ReviewDecision<>(Verdict.EDITED, reviewer, edited, note);
    }

    /**
     * Rejects the held draft: nothing is sent.
     *
     * @param reviewer who rejected
     * @param reason why, for the run log
     * @param <R> the result type
     * @return the decision
     */
    public static <R> ReviewDecision<R> reject(String reviewer, String reason) {
        return new ReviewDecision<>(Verdict.REJECTED, reviewer, null, reason);
    }

    /**
     * Describes the decision for the run log, e.g. {@code edited by alice: shorter text}.
     *
     * @return the description
     */
    public String describe() {
        String what = switch (verdict) {
            case APPROVED -> "approved";
            case EDITED -> "edited";
            case REJECTED -> "rejected";
        };
        return what + " by " + reviewer + (note.isBlank() ? "" : ": " + note);
    }
}
