package dev.aihq.connectors.ozon;

import java.util.List;
import javax.annotation.Nullable;

/**
 * One page of {@code /v1/question/list} (reference §3.6). Ozon's answer has no {@code has_next}: the list ends with
 * an empty page, a blank {@code last_id}, or a {@code last_id} that does not move.
 *
 * @param questions the questions of the page
 * @param lastId where the next page starts, or {@code null} when Ozon sent none
 */
public record OzonQuestionPage(List<OzonQuestion> questions, @Nullable String lastId) {

    /** Copies the questions. */
    public OzonQuestionPage {
        questions = List.copyOf(questions);
    }
}
