/**
 * Classifying a buyer's message in the unified inbox: what it is about ({@link dev.aihq.api.inbox.InboxIntent}),
 * how the buyer feels ({@link dev.aihq.api.inbox.InboxEmotion}) and how soon to answer
 * ({@link dev.aihq.api.inbox.InboxPriority}). {@link dev.aihq.agents.inbox.classify.MessageClassifier} is the
 * contract; {@link dev.aihq.agents.inbox.classify.RuleClassifier} the deterministic keyword-and-rating classifier
 * that works without a model (and is a model classifier's fallback), its phrase lists shipped as resources under
 * {@code /dev/aihq/agents/inbox/classify/}; {@link dev.aihq.agents.inbox.classify.ClassificationReport} measures
 * any classifier against labelled messages.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.agents.inbox.classify;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
