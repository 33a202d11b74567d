package dev.aihq.pipeline.delivery;

import dev.aihq.api.shop.FrequencyCap;
import java.time.Duration;

/** The readable parts of delivery reasons, shared by the policies and {@link MessageDelivery}. */
final class DeliveryTexts {

    private DeliveryTexts() {}

    /** A duration as people write it: {@code 7 d}, {@code 2 h}, {@code 15 min}, {@code 30 s}. */
    static String describe(Duration d) {
        if (d.toDays() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0 && d.toMinutesPart() == 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() > 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    /** Why a message was not sent when the customer's cap is reached with {@code recent} messages. */
    static String capReached(long recent, FrequencyCap cap) {
        return "frequency cap reached: " + recent + " message(s) to this customer in " + describe(cap.period())
                + ", at most " + cap.maxMessages() + " allowed";
    }
}
