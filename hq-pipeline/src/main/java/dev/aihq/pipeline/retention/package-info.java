/**
 * Retention: the job that purges each shop's personal data older than the shop's
 * {@link dev.aihq.api.shop.ShopSettings#personalDataRetention()}.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.retention;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
