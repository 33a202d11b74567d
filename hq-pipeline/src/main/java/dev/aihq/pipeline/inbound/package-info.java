/**
 * What channels receive: customers' replies recorded and answered, consent answers applied, the providers'
 * status reports recorded on the outbox.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.inbound;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
