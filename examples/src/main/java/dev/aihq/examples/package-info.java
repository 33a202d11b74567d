/**
 * Runnable integrations of AI HQ: {@link dev.aihq.examples.Demo} runs the sample events through the
 * webhook front door on in-memory stores, {@link dev.aihq.examples.ServerExample} serves the front door
 * over HTTP with the JDK's own server. Not published.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.examples;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
