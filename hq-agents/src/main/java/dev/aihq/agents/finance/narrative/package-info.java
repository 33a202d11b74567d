/**
 * The accountant's narrative check: the model only words the report, so every number its text states must be
 * one the calculator computed, and what it says went up or down must agree with the computed comparison.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.finance.narrative;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
