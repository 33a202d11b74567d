/**
 * Text tools shared by the agents: {@link dev.aihq.agents.text.PhraseBook}, the phrase-list format people
 * maintain for the sales guard's checks and the inbox classifier's rules.
 */
@NonnullByDefault
package dev.aihq.agents.text;

import dev.aihq.api.NonnullByDefault;
