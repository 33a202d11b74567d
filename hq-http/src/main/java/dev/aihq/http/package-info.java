/** The one HTTP and JSON layer of AI HQ: the SDK's ObjectMapper, retries, status mapping and masked logging. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.http;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
