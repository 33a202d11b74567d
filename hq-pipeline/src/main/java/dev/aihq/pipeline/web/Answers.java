package dev.aihq.pipeline.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.web.WebhookResponse;
import dev.aihq.http.Masking;
import java.util.List;

/** The front door's JSON answers that are not run views: errors and refusals. */
final class Answers {

    /** {@code WWW-Authenticate} for a request without credentials. */
    static final String CHALLENGE = "Bearer realm=\"aihq\"";
    /** {@code WWW-Authenticate} for a request with wrong credentials (RFC 6750). */
    static final String CHALLENGE_INVALID = "Bearer realm=\"aihq\", error=\"invalid_token\"";

    /** The most field problems the {@code message} of an invalid event spells out; {@code errors} has all. */
    private static final int MAX_PROBLEMS_IN_MESSAGE = 10;

    private Answers() {}

    /**
     * A JSON answer.
     *
     * @param status the HTTP status
     * @param body the body
     * @return the response
     */
    static WebhookResponse json(int status, ObjectNode body) {
        return WebhookResponse.json(status, Json.write(body));
    }

    /**
     * {@code {"error": code, "message": message}}, the message masked.
     *
     * @param status the HTTP status
     * @param code a stable snake_case code
     * @param message what went wrong and what to do
     * @return the response
     */
    static WebhookResponse error(int status, String code, String message) {
        return json(status, errorBody(code, message));
    }

    /**
     * {@code 400 {"error":"invalid_event","message":…,"errors":[{"field","problem"}]}}.
     *
     * @param what e.g. {@code legal event}
     * @param errors the bad fields
     * @return the response
     */
    static WebhookResponse invalidEvent(String what, List<FieldError> errors) {
        StringBuilder message = new StringBuilder("invalid ").append(what).append(": ");
        int shown = Math.min(errors.size(), MAX_PROBLEMS_IN_MESSAGE);
        for (int i = 0; i < shown; i++) {
            message.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(' ')
                    .append(errors.get(i).problem());
        }
        if (errors.size() > shown) {
            message.append("; and ").append(errors.size() - shown).append(" more (see errors)");
        }
        ObjectNode body = errorBody("invalid_event", message.toString());
        ArrayNode list = body.putArray("errors");
        for (FieldError error : errors) {
            list.addObject().put("field", Masking.maskText(error.field())).put("problem",
                    Masking.maskText(error.problem()));
        }
        return json(400, body);
    }

    /**
     * {@code 405} with {@code Allow}.
     *
     * @param method the method used
     * @param path the path
     * @param allowed the methods the path answers, comma-separated
     * @return the response
     */
    static WebhookResponse methodNotAllowed(String method, String path, String allowed) {
        return error(405, "method_not_allowed", abbreviate(method) + " is not allowed on " + abbreviate(path)
                + "; use " + allowed).withHeader("Allow", allowed);
    }

    /**
     * {@code 404} for a path nothing answers.
     *
     * @param path the path
     * @return the response
     */
    static WebhookResponse notFound(String path) {
        return error(404, "not_found", "nothing answers at " + abbreviate(path));
    }

    /**
     * {@code 401} with a challenge.
     *
     * @param message what is missing or wrong
     * @param credentialsGiven whether the request carried credentials (they were wrong)
     * @return the response
     */
    static WebhookResponse unauthenticated(String message, boolean credentialsGiven) {
        return error(401, "unauthenticated", message)
                .withHeader("WWW-Authenticate", credentialsGiven ? CHALLENGE_INVALID : CHALLENGE);
    }

    /**
     * {@code 503} with {@code Retry-After}.
     *
     * @param message what is unavailable
     * @param retryAfterSeconds when to try again
     * @return the response
     */
    static WebhookResponse unavailable(String message, int retryAfterSeconds) {
        return error(503, "unavailable", message).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /**
     * {@code 500 {"error":"internal_error"}}, nothing more: details are in the log.
     *
     * @return the response
     */
    static WebhookResponse internalError() {
        ObjectNode body = Json.object();
        body.put("error", "internal_error");
        return json(500, body);
    }

    /**
     * {@code 422 {"outcome":"REJECTED","reason":…}} for a refusal without a run.
     *
     * @param reason why
     * @return the response
     */
    static WebhookResponse rejectedWithoutRun(String reason) {
        ObjectNode body = Json.object();
        body.put("outcome", "REJECTED");
        body.put("reason", Masking.maskText(reason));
        return json(422, body);
    }

    /**
     * Shortens a value a sender chose before it is echoed, and masks it.
     *
     * @param value the value
     * @return at most {@value FieldReader#MAX_QUOTED} characters, masked
     */
    static String abbreviate(String value) {
        String cut = value.length() <= FieldReader.MAX_QUOTED ? value : value.substring(0, FieldReader.MAX_QUOTED) + "…";
        return Masking.maskText(cut);
    }

    private static ObjectNode errorBody(String code, String message) {
        ObjectNode body = Json.object();
        body.put("error", code);
        body.put("message", Masking.maskText(message));
        return body;
    }
}
