package dev.aihq.channel.greenapi;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.http.Masking;
import dev.aihq.http.RetryPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The settings of one Green-API instance (one WhatsApp account linked to Green-API): where to send, as
 * which instance, with which token, how long to wait and how to retry, and the token Green-API sends back
 * with its webhook calls. One config per instance, so per shop; immutable and thread-safe.
 *
 * <pre>{@code
 * GreenApiConfig config = GreenApiConfig.builder()
 *         .apiUrl("https://7105.api.greenapi.com")          // shown in the Green-API console
 *         .idInstance(7105123456L)
 *         .apiTokenInstance(System.getenv("GREEN_API_TOKEN"))
 *         .webhookToken(System.getenv("GREEN_API_WEBHOOK_TOKEN")) // the instance's webhookUrlToken
 *         .build();
 * }</pre>
 *
 * <p><b>Secrets.</b> Green-API puts {@code apiTokenInstance} in the URL path, not in a header. The client
 * keeps it out of every URL the HTTP layer sees (it is put in only as the request leaves), so no log line,
 * exception message or {@link #toString()} shows it; the webhook token is likewise never logged.
 */
public final class GreenApiConfig {

    /** The default time to wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default time to wait for the answer to one send attempt. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7E]+");

    private final URI apiUrl;
    private final long idInstance;
    private final String apiTokenInstance;
    private final String webhookToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;

    private GreenApiConfig(Builder builder, URI apiUrl) {
        this.apiUrl = apiUrl;
        this.idInstance = builder.idInstance;
        this.apiTokenInstance = Objects.requireNonNull(builder.apiTokenInstance);
        this.webhookToken = Objects.requireNonNull(builder.webhookToken);
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
    }

    /**
     * Starts a builder with the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this config's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder()
                .apiUrl(apiUrl.toString())
                .idInstance(idInstance)
                .apiTokenInstance(apiTokenInstance)
                .webhookToken(webhookToken)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retryPolicy(retryPolicy);
    }

    /**
     * Returns the instance's API host, as the console shows it.
     *
     * @return e.g. {@code https://7105.api.greenapi.com}
     */
    public URI apiUrl() {
        return apiUrl;
    }

    /**
     * Returns the instance's id.
     *
     * @return the positive numeric id
     */
    public long idInstance() {
        return idInstance;
    }

    /**
     * Returns the instance's API token. It goes in the URL path of every call: keep it out of logs;
     * {@link #toString()} masks it.
     *
     * @return the token
     */
    public String apiTokenInstance() {
        return apiTokenInstance;
    }

    /**
     * Returns the token Green-API sends in the {@code Authorization} header of its webhook calls (the
     * instance's {@code webhookUrlToken} setting). Keep it out of logs.
     *
     * @return the token
     */
    public String webhookToken() {
        return webhookToken;
    }

    /**
     * Returns how long to wait for a connection.
     *
     * @return a positive duration
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns how long to wait for the answer to one send attempt.
     *
     * @return a positive duration
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * Returns the retry policy of sends.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Compares every setting, so that equal configs share one client.
     *
     * @param other the other object
     * @return {@code true} when every setting is equal
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof GreenApiConfig c && apiUrl.equals(c.apiUrl) && idInstance == c.idInstance
                && apiTokenInstance.equals(c.apiTokenInstance) && webhookToken.equals(c.webhookToken)
                && connectTimeout.equals(c.connectTimeout) && requestTimeout.equals(c.requestTimeout)
                && retryPolicy.equals(c.retryPolicy);
    }

    /**
     * Hashes every setting, consistently with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(apiUrl, idInstance, apiTokenInstance, webhookToken, connectTimeout, requestTimeout,
                retryPolicy);
    }

    /** Describes the config with both tokens masked. */
    @Override
    public String toString() {
        return "GreenApiConfig[apiUrl=" + apiUrl + ", idInstance=" + idInstance + ", apiTokenInstance="
                + Masking.MASK + ", webhookToken=" + Masking.MASK + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy + "]";
    }

    /**
     * Builds a {@link GreenApiConfig}. {@code apiUrl}, {@code idInstance}, {@code apiTokenInstance} and
     * {@code webhookToken} are required; {@link #build()} reports every missing or invalid setting at once,
     * each naming its field and none quoting a token. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable String apiUrl;
        private long idInstance;
        private @Nullable String apiTokenInstance;
        private @Nullable String webhookToken;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();

        private Builder() {}

        /**
         * Sets the instance's API host, as the console shows it. Required; tests point it at WireMock.
         *
         * @param apiUrl an absolute http or https URL without query, e.g. {@code https://7105.api.greenapi.com}
         * @return this builder
         */
        public Builder apiUrl(String apiUrl) {
            this.apiUrl = Objects.requireNonNull(apiUrl, "apiUrl");
            return this;
        }

        /**
         * Sets the instance's id. Required.
         *
         * @param idInstance the positive numeric id from the console
         * @return this builder
         */
        public Builder idInstance(long idInstance) {
            this.idInstance = idInstance;
            return this;
        }

        /**
         * Sets the instance's API token. Required.
         *
         * @param apiTokenInstance the token from the console
         * @return this builder
         */
        public Builder apiTokenInstance(String apiTokenInstance) {
            this.apiTokenInstance = Objects.requireNonNull(apiTokenInstance, "apiTokenInstance");
            return this;
        }

        /**
         * Sets the token Green-API sends with its webhook calls (set the same value as the instance's
         * {@code webhookUrlToken}). Required: without it anyone could post replies in a customer's name.
         *
         * @param webhookToken the token, printable ASCII without spaces
         * @return this builder
         */
        public Builder webhookToken(String webhookToken) {
            this.webhookToken = Objects.requireNonNull(webhookToken, "webhookToken");
            return this;
        }

        /**
         * Sets how long to wait for a connection. Default 10 s.
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long to wait for the answer to one send attempt. Default 30 s.
         *
         * @param requestTimeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the retry policy of sends. Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()}
         * leaves every retry to the caller (an outbox).
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws ConfigurationException listing every missing or invalid setting by field name
         */
        public GreenApiConfig build() {
            List<String> problems = new ArrayList<>();
            URI uri = checkApiUrl(problems);
            if (idInstance <= 0) {
                problems.add("idInstance is required and must be positive");
            }
            if (apiTokenInstance == null || apiTokenInstance.isBlank()) {
                problems.add("apiTokenInstance is required");
            } else if (!TOKEN.matcher(apiTokenInstance).matches()) {
                problems.add("apiTokenInstance must be letters, digits, '.', '_', '~' or '-' only"
                        + " (it goes in the URL path)");
            }
            if (webhookToken == null || webhookToken.isBlank()) {
                problems.add("webhookToken is required (the instance's webhookUrlToken)");
            } else if (!PRINTABLE.matcher(webhookToken).matches()) {
                problems.add("webhookToken must be printable ASCII without spaces (give the token itself,"
                        + " without 'Bearer ')");
            }
            requirePositive(problems, "connectTimeout", connectTimeout);
            requirePositive(problems, "requestTimeout", requestTimeout);
            if (!problems.isEmpty() || uri == null) {
                throw new ConfigurationException("GreenApiConfig is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new GreenApiConfig(this, uri);
        }

        private @Nullable URI checkApiUrl(List<String> problems) {
            if (apiUrl == null || apiUrl.isBlank()) {
                problems.add("apiUrl is required (e.g. https://7105.api.greenapi.com)");
                return null;
            }
            URI uri;
            try {
                uri = new URI(apiUrl.strip());
            } catch (URISyntaxException e) {
                problems.add("apiUrl is not a valid URL: " + e.getReason());
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("apiUrl must be an absolute http or https URL with a host, got '"
                        + Masking.excerpt(apiUrl, 80) + "'");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add("apiUrl must not have user info, a query or a fragment");
                return null;
            }
            if (uri.getRawPath() != null && uri.getRawPath().contains("waInstance")) {
                problems.add("apiUrl is the host only, without /waInstance… (the client adds the path)");
                return null;
            }
            return uri;
        }

        private static void requirePositive(List<String> problems, String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                problems.add(name + " must be positive, got " + value);
            }
        }
    }
}
