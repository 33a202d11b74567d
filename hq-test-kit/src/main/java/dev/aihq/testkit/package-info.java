/** Test kit: a settable clock, a scripted fake {@code ChatModel}, fixtures and concurrency helpers. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.testkit;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
