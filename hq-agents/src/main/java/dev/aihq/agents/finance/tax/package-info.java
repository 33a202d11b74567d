/**
 * The tax engine of the accountant: every tax figure is computed here by code from versioned rule data, never by
 * a model. {@link dev.aihq.agents.finance.tax.TaxEngine#assess(TaxRequest)} turns a
 * {@link dev.aihq.agents.finance.tax.TaxRequest} into a {@link dev.aihq.agents.finance.tax.TaxAssessment}: the
 * base, rate and tax due, the real tax period and its due dates, the components the law splits the tax into,
 * every unconfirmed rule used as an assumption, and threshold warnings.
 *
 * <p>Rates, thresholds, indices and deadlines live in one JSON file per (country, tax year) next to these
 * classes ({@code KZ-2025.json}, {@code KZ-2026.json}, {@code RU-2025.json}, {@code RU-2026.json}), each value
 * with its rule id, effective dates, legal source and status; {@link dev.aihq.agents.finance.tax.TaxRules} reads
 * and validates them.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.finance.tax;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
