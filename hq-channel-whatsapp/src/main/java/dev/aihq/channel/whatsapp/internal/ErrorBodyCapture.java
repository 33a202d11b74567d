package dev.aihq.channel.whatsapp.internal;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.annotation.Nullable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK {@link HttpClient} that passes every call to another one and keeps, per thread, the last non-2xx
 * response it saw. {@code HqHttpClient} maps a failed response to an exception by HTTP status and does
 * not hand the body on; the Cloud API puts the meaning of an error in the body's {@code error.code}, so
 * the channel reads the body kept here right after a failed synchronous call on the same thread.
 */
public final class ErrorBodyCapture extends HttpClient {

    /**
     * A failed response as sent.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body bytes
     */
    public record FailedResponse(int status, Map<String, List<String>> headers, byte[] body) {}

    private final HttpClient delegate;
    private final ThreadLocal<FailedResponse> last = new ThreadLocal<>();

    /**
     * Wraps a client.
     *
     * @param delegate the client that sends
     */
    public ErrorBodyCapture(HttpClient delegate) {
        this.delegate = delegate;
    }

    /** Forgets what this thread kept; call before a call. */
    public void clear() {
        last.remove();
    }

    /**
     * Returns and forgets the failed response this thread saw last.
     *
     * @return the response, or empty when the last call succeeded or had no response
     */
    public Optional<FailedResponse> take() {
        FailedResponse response = last.get();
        last.remove();
        return Optional.ofNullable(response);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        last.remove();
        HttpResponse<T> response = delegate.send(request, handler);
        int status = response.statusCode();
        if ((status < 200 || status >= 300) && response.body() instanceof byte[]) {
            last.set(new FailedResponse(status, response.headers().map(), (byte[]) response.body()));
        }
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, @Nullable HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
