package dev.aihq.agents.finance.tax;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A rate set for the taxpayer's location instead of the base rate: a Kazakh maslikhat's 910 rate for the district
 * and activity, or a Russian region's УСН rate. The engine checks it against the band the law allows.
 *
 * @param percent the rate in percent, e.g. {@code 3}
 * @param source the decision that sets it (a maslikhat decision, a regional law), shown with the assessment
 */
public record LocalRate(BigDecimal percent, String source) {

    /** Requires a positive rate and a source. */
    public LocalRate {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(source, "source");
        if (percent.signum() <= 0) {
            throw new IllegalArgumentException("a local rate must be positive, got " + percent);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("a local rate needs the decision that sets it");
        }
    }
}
