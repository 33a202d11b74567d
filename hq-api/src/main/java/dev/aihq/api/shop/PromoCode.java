package dev.aihq.api.shop;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A promo code the shop allows its agents to offer. Agents offer only codes from the shop's settings;
 * the guard rejects any other.
 *
 * @param code the code as the customer types it
 * @param discountPercent the discount it gives, in percent (0–100]
 * @param validUntil last valid day in the shop's zone, or {@code null} for no end
 */
public record PromoCode(String code, BigDecimal discountPercent, @Nullable LocalDate validUntil) {

    /** Validates the code and the percent. */
    public PromoCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(discountPercent, "discount percent");
        if (code.isBlank() || code.length() > 32) {
            throw new IllegalArgumentException("promo code must be 1-32 characters");
        }
        if (discountPercent.signum() <= 0 || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("promo discount must be in (0, 100] percent, got " + discountPercent);
        }
    }
}
