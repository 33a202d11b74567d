/**
 * The Ozon Seller API connector: postings with their order context, reviews, questions and chats where the shop's
 * subscription allows them, finance transactions as the accountant's actuals, and Ozon's push notifications as a
 * webhook route, each call under the 50 requests per second Ozon allows a Client-Id.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.connectors.ozon;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
