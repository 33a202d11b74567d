package dev.aihq.api.channel;

import dev.aihq.api.ShopId;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A provider's report on a message it accepted earlier, matched to the outbox by the provider's id or by
 * our stable key.
 *
 * @param shopId the shop that sent the message
 * @param channel the channel's name
 * @param providerMessageId the provider's id of the message
 * @param stableKey our key as the provider echoed it, or {@code null} when it did not
 * @param state how far the message got
 * @param at when the provider says it happened
 * @param failure what a failure means, for {@link DeliveryState#FAILED}; otherwise {@code null}
 * @param errorCode the provider's own error code, or {@code null}
 * @param errorTitle the provider's short description of the error (no personal data), or {@code null}
 */
public record DeliveryStatus(
        ShopId shopId,
        String channel,
        String providerMessageId,
        @Nullable String stableKey,
        DeliveryState state,
        Instant at,
        @Nullable FailureKind failure,
        @Nullable String errorCode,
        @Nullable String errorTitle) {

    /** Requires the identifying parts; a failure kind exactly for a failed state. */
    public DeliveryStatus {
        Objects.requireNonNull(shopId, "shop id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(providerMessageId, "provider message id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("provider message id must not be blank");
        }
        if ((state == DeliveryState.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a failure kind goes with the FAILED state, and only with it");
        }
    }

    /**
     * Describes the error for a record: its kind, code and title, e.g. {@code WINDOW_CLOSED 131047 Re-engagement
     * message}; empty when the status is not a failure.
     *
     * @return the description
     */
    public String describeError() {
        if (failure == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(failure.name());
        if (errorCode != null) {
            text.append(' ').append(errorCode);
        }
        if (errorTitle != null) {
            text.append(' ').append(errorTitle);
        }
        return text.toString();
    }
}
