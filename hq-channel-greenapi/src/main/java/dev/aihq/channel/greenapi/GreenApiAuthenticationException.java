package dev.aihq.channel.greenapi;

import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.error.AuthenticationException;
import javax.annotation.Nullable;

/**
 * Green-API refused the instance's credentials (HTTP 401 or 403: a wrong {@code idInstance} or
 * {@code apiTokenInstance}, or an instance that is not authorised), or the shop has no Green-API instance
 * at all (status 0). Fix the settings; not retried. {@link FailureKind#AUTHENTICATION}.
 */
public final class GreenApiAuthenticationException extends AuthenticationException implements ChannelFailure {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status, or 0 when no request was made
     * @param message what went wrong, without the token
     * @param cause the underlying failure, or {@code null}
     */
    public GreenApiAuthenticationException(int status, String message, @Nullable Throwable cause) {
        super(GreenApiClient.SERVICE, status, message, cause);
    }

    /**
     * Returns {@link FailureKind#AUTHENTICATION}.
     *
     * @return the kind
     */
    @Override
    public FailureKind failureKind() {
        return FailureKind.AUTHENTICATION;
    }
}
