/**
 * The framework-agnostic webhook front door: {@link dev.aihq.pipeline.web.WebhookFrontDoor} turns a
 * {@link dev.aihq.api.web.WebhookRequest} into a {@link dev.aihq.api.web.WebhookResponse} for the SDK's
 * own endpoints ({@code POST /purchase-event}, {@code /legal-event}, {@code /finance-event},
 * {@code GET /runs/{id}}) and the {@link dev.aihq.api.web.WebhookRoute}s that connectors and channels
 * contribute. Integrators mount it in whatever HTTP server they run.
 */
@ParametersAreNonnullByDefault
@NonnullByDefault
package dev.aihq.pipeline.web;

import dev.aihq.api.NonnullByDefault;
import javax.annotation.ParametersAreNonnullByDefault;
