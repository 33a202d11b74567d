/** Sending customer messages: the delivery policy (delay, quiet hours, frequency cap), the outbox delivery and its dispatcher. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.delivery;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
