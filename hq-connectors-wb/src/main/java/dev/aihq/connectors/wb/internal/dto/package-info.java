/**
 * Wildberries' wire format as records, read tolerantly: unknown fields ignored, documented fields possibly absent.
 * Not an API.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.wb.internal.dto;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
