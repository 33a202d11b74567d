package dev.aihq.api.web;

/**
 * An inbound endpoint a connector or a channel contributes (Meta's webhook, Ozon's push), mounted by the
 * front door without the contributor depending on the pipeline. The route owns its authentication and
 * its reply format; the front door only matches method and path and passes the raw request on.
 * Implementations are thread-safe and never throw for bad input: they answer with a 4xx.
 */
public interface WebhookRoute {

    /**
     * Returns the HTTP method this route answers, e.g. {@code POST}.
     *
     * @return the method, upper case
     */
    String method();

    /**
     * Returns the exact path this route answers, e.g. {@code /webhooks/whatsapp}.
     *
     * @return the path
     */
    String path();

    /**
     * Handles a request whose method and path matched.
     *
     * @param request the raw request
     * @return the response
     */
    WebhookResponse handle(WebhookRequest request);
}
