/** The JSON shapes of AI HQ's own types on the SDK's endpoints and in the run log: snake_case. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.json;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
