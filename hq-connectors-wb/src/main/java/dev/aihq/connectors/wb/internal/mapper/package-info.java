/**
 * Wildberries' wire records to the connector's public records and to hq-api events. Not an API.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.wb.internal.mapper;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
