package dev.aihq.imports.bank;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * What {@link BankClassifier} made of a transaction.
 *
 * @param category the category
 * @param rule the name of the rule that matched, or {@code null} when none did
 */
public record BankClassification(BankCategory category, @Nullable String rule) {

    /** Requires the category. */
    public BankClassification {
        Objects.requireNonNull(category, "category");
    }
}
