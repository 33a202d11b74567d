/** Kaspi's JSON:API wire format as records; not part of the public API. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi.internal.dto;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
