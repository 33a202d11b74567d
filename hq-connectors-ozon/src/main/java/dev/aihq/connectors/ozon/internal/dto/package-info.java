/**
 * Ozon's wire shapes, as Jackson reads them: only the fields the connector reads, everything nullable. Not an API.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.ozon.internal.dto;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
