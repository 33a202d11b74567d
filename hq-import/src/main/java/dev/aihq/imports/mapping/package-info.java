/**
 * Column mappings: which column of a seller's file holds which field, per shop, with the shipped defaults for
 * the seller's own sheets and the marketplaces' report exports (all marked unverified until checked against real
 * files).
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.imports.mapping;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
