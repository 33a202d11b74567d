/** What agents produce and how runs end: sales offers, legal assessments, finance reports, outcomes. */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.api.result;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
