/**
 * A fake of the Kaspi Merchant API on WireMock, holding orders that tests and demos create, move through
 * Kaspi's states and read back in Kaspi's exact JSON:API shape.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit.kaspi;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
