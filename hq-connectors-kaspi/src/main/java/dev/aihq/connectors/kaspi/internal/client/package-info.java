/** How the Kaspi client makes its calls (pacing); not part of the public API. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.kaspi.internal.client;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
