/**
 * A fake of the Ozon Seller API on WireMock, answering in Ozon's exact shapes: postings now, one section per API so
 * that reviews, questions, chats and finance can be added the same way.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit.ozon;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
