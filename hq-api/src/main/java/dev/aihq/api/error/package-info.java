/** The one unchecked exception tree of AI HQ, rooted at {@link dev.aihq.api.error.HqException}. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.error;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
