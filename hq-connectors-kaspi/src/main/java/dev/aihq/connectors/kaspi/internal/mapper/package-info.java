/** Turns Kaspi's wire records into the connector's public records; not part of the public API. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi.internal.mapper;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
