package dev.aihq.agents.inbox.insight;

import dev.aihq.api.ShopId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The inbox's dashboard metrics of one shop over one period, as {@link InboxMetrics} computes them; each part names
 * its counts so that a share can be checked by hand. A share is {@code null} when its denominator is zero.
 *
 * @param shopId the shop
 * @param from the start of the period, inclusive (interactions opened from then)
 * @param to the end, exclusive
 * @param interactions how many interactions were opened in the period
 * @param responseTime first reply − arrival
 * @param sla first answers before their deadline
 * @param automation how our replies were written
 * @param classification the classifier against people's corrections
 * @param reviewConversion answered 1–2★ reviews that rose to 4–5★
 * @param churnPrevention churn-risk chats that kept their order
 */
public record InboxMetricsReport(
        ShopId shopId,
        Instant from,
        Instant to,
        int interactions,
        ResponseTime responseTime,
        SlaCompliance sla,
        Automation automation,
        ClassificationAccuracy classification,
        ReviewConversion reviewConversion,
        ChurnPrevention churnPrevention) {

    /** Requires every part. */
    public InboxMetricsReport {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(responseTime, "response time");
        Objects.requireNonNull(sla, "sla");
        Objects.requireNonNull(automation, "automation");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reviewConversion, "review conversion");
        Objects.requireNonNull(churnPrevention, "churn prevention");
    }

    /**
     * First reply − arrival, over the interactions the buyer opened and we answered.
     *
     * @param answered how many were answered
     * @param median the median, or {@code null} when none was answered
     * @param mean the mean, or {@code null} when none was answered
     */
    public record ResponseTime(int answered, @Nullable Duration median, @Nullable Duration mean) {}

    /**
     * Interactions first answered before their first deadline, among those whose deadline is decided: answered, or
     * unanswered with the deadline passed; those still within it are pending and left out.
     *
     * @param met answered by the deadline
     * @param missed answered late, or not answered and the deadline passed
     * @param pending not answered, the deadline still ahead
     * @param share {@code met / (met + missed)}
     */
    public record SlaCompliance(int met, int missed, int pending, @Nullable Double share) {}

    /**
     * Our replies in the period by how they were written.
     *
     * @param draftAsIs drafts sent as written
     * @param draftEdited drafts a person edited
     * @param byHand replies a person wrote
     * @param automatedShare {@code draftAsIs / all}
     * @param editedShare {@code draftEdited / all}
     * @param byHandShare {@code byHand / all}
     */
    public record Automation(int draftAsIs, int draftEdited, int byHand, @Nullable Double automatedShare,
            @Nullable Double editedShare, @Nullable Double byHandShare) {}

    /**
     * The classifier's intents against people's corrections.
     *
     * @param classified interactions the classifier labelled
     * @param reviewed of those, interactions a person set a classification for
     * @param corrected of those, interactions whose intent the person changed
     * @param accuracy {@code (classified − corrected) / classified}: an intent nobody corrected counts as right
     * @param reviewedAccuracy {@code (reviewed − corrected) / reviewed}: among the ones a person looked at
     */
    public record ClassificationAccuracy(int classified, int reviewed, int corrected, @Nullable Double accuracy,
            @Nullable Double reviewedAccuracy) {}

    /**
     * Reviews that came in at 1–2★, which we answered, and whose rating is now 4–5★.
     *
     * @param answeredNegative 1–2★ reviews we answered
     * @param raised of those, the ones now at 4–5★
     * @param share {@code raised / answeredNegative}
     */
    public record ReviewConversion(int answeredNegative, int raised, @Nullable Double share) {}

    /**
     * Chats classified as churn risk that ended without a return or cancellation of their linked order.
     *
     * @param churnRiskChats chats whose intent (corrected or not) is {@code churn_risk}
     * @param linked of those, with an order link
     * @param lost of the linked, whose order is cancelled or returned in the order index
     * @param share {@code (linked − lost) / linked}; chats without a link are not counted
     */
    public record ChurnPrevention(int churnRiskChats, int linked, int lost, @Nullable Double share) {}
}
