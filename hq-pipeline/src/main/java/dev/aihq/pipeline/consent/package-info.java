/** Consent of customers to be messaged: recognising an opt-out in what they write. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.consent;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
