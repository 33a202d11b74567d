package dev.aihq.connectors.wb.internal.dto;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.connectors.wb.WbResponseException;
import dev.aihq.http.Masking;
import javax.annotation.Nullable;

/**
 * The envelope of the feedbacks and questions API: {@code {data, error, errorText, additionalErrors, requestId}}.
 *
 * @param data the payload, or {@code null}
 * @param error whether WB reports an error
 * @param errorText WB's description of the error, often {@code ""}
 * @param additionalErrors more errors, or {@code null}
 * @param requestId WB's request id, or {@code null}
 * @param <T> the payload type
 */
public record WbEnvelope<T>(
        @Nullable T data,
        @Nullable Boolean error,
        @Nullable String errorText,
        @Nullable JsonNode additionalErrors,
        @Nullable String requestId) {

    /**
     * Returns the payload, or fails when WB reports an error in a success response or sends no payload.
     *
     * @param service the service name of the exception
     * @param request the request, e.g. {@code GET /api/v1/feedbacks}
     * @param status the HTTP status of the response
     * @return the payload
     * @throws RequestRejectedException when {@code error} is {@code true}, with WB's text
     * @throws WbResponseException when there is no {@code data}
     */
    public T requireData(String service, String request, int status) {
        requireNoError(service, request, status);
        if (data == null) {
            throw new WbResponseException(status, "data", request + ": malformed response, data is missing", null);
        }
        return data;
    }

    /**
     * Fails when WB reports an error in a success response.
     *
     * @param service the service name of the exception
     * @param request the request
     * @param status the HTTP status
     * @throws RequestRejectedException when {@code error} is {@code true}, with WB's text
     */
    public void requireNoError(String service, String request, int status) {
        if (Boolean.TRUE.equals(error)) {
            String text = errorText == null || errorText.isBlank() ? "(no errorText)" : errorText;
            if (additionalErrors != null && !additionalErrors.isNull()) {
                text += " (" + additionalErrors + ")";
            }
            throw new RequestRejectedException(service, status, request + ": Wildberries said: "
                    + Masking.excerpt(Masking.maskText(text), 500)
                    + (requestId == null ? "" : " (requestId " + requestId + ")"), null);
        }
    }
}
