package dev.aihq.agents.finance.tax;

import dev.aihq.api.shop.TaxMode;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A tax mode code resolved to a {@link TaxMode}, with the assumption made when the code was an alias.
 *
 * @param code the code as sent
 * @param mode the mode it stands for
 * @param assumption what the alias was taken to mean, or {@code null} for an exact name
 */
public record ResolvedTaxMode(String code, TaxMode mode, @Nullable String assumption) {

    /** Requires the code and mode. */
    public ResolvedTaxMode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(mode, "mode");
    }
}
