/**
 * The Wildberries seller API connector: feedbacks and questions, buyer chats and their events feed, FBS/DBS orders
 * with a local order index, and the sales report turned into the accountant's actuals, each call under the
 * seller's per-method-group rate limits.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.wb;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
