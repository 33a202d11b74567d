/**
 * The accountant's data from files: the seller's own sheets, catalog data, the marketplaces' report exports and
 * bank statements, read with per-row, per-column errors into the ledger and the catalog, each row once.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.imports;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
