/**
 * What the inbox's interactions say about the shop and its products: the dashboard metrics of the second seed
 * (response time, SLA compliance, automation, classification accuracy, review conversion, churn prevention) and the
 * product-quality alerts (negative reviews growing week over week, problem products, frequent question topics).
 */
@NonnullByDefault
package dev.aihq.agents.inbox.insight;

import dev.aihq.api.NonnullByDefault;
