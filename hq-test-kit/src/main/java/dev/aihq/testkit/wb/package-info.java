/**
 * A fake of the Wildberries seller API on WireMock, answering in WB's exact shapes: feedbacks and questions now,
 * one section per API so that buyer chat, orders and reports can be added the same way.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit.wb;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
