/**
 * Tables from files, streamed row by row: CSV (encoding and delimiter detected) and XLSX (one sheet), each row
 * numbered as the seller sees it in a spreadsheet program, with no knowledge of what the columns mean.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.imports.table;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
