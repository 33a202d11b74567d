package dev.aihq.channel.greenapi;

import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.annotation.Nullable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Puts Green-API's token into the URL path as a request leaves, so that everything above it (hq-http's
 * log lines, its exception messages, retries) sees only {@link #PLACEHOLDER}. A request whose path does not
 * end with the placeholder segment is sent unchanged; an I/O failure whose message quotes the token is
 * rethrown with the token hidden. Thread-safe.
 */
final class TokenInsertingHttpClient extends HttpClient {

    /** The path segment that stands for the token above this client. */
    static final String PLACEHOLDER = "****";

    private final HttpClient delegate;
    private final String token;
    private final String encodedToken;

    TokenInsertingHttpClient(HttpClient delegate, String token) {
        this.delegate = delegate;
        this.token = token;
        this.encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    HttpRequest withToken(HttpRequest request) {
        URI uri = request.uri();
        String path = uri.getRawPath();
        if (path == null || !path.endsWith("/" + PLACEHOLDER)) {
            return request;
        }
        String withToken = path.substring(0, path.length() - PLACEHOLDER.length()) + encodedToken;
        URI target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + withToken
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(target).build();
    }

    private IOException hidden(IOException failure) {
        String message = failure.getMessage();
        if (message == null || !(message.contains(token) || message.contains(encodedToken))) {
            return failure;
        }
        String safe = message.replace(token, PLACEHOLDER).replace(encodedToken, PLACEHOLDER);
        if (failure instanceof HttpConnectTimeoutException) {
            return new HttpConnectTimeoutException(safe);
        }
        if (failure instanceof HttpTimeoutException) {
            return new HttpTimeoutException(safe);
        }
        if (failure instanceof ConnectException) {
            return new ConnectException(safe);
        }
        return new IOException(safe);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        try {
            return delegate.send(withToken(request), handler);
        } catch (IOException e) {
            throw hidden(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(withToken(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler, @Nullable HttpResponse.PushPromiseHandler<T> push) {
        return delegate.sendAsync(withToken(request), handler, push);
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

    /** Names the client without its token. */
    @Override
    public String toString() {
        return "TokenInsertingHttpClient[" + PLACEHOLDER + "]";
    }
}
