/** The StAX reading of Kaspi's {@code kaspi_catalog} XML; not part of the public API. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi.internal.feed;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
