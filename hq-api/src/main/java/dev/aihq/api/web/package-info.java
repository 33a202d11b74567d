/** Framework-agnostic HTTP request and response types and the {@link dev.aihq.api.web.WebhookRoute} SPI. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.web;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
