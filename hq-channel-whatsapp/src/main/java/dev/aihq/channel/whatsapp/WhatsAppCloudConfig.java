package dev.aihq.channel.whatsapp;

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
 * The settings of one WhatsApp Business phone number on the Cloud API: where to send, as which number,
 * with which token, how long to wait and how to retry. One config per sending number (so per shop);
 * immutable and thread-safe.
 *
 * <pre>{@code
 * WhatsAppCloudConfig config = WhatsAppCloudConfig.builder()
 *         .phoneNumberId("106540352242922")
 *         .accessToken(System.getenv("WHATSAPP_TOKEN"))
 *         .build();
 * }</pre>
 *
 * <p>{@link #toString()} masks the access token; the token is never logged by the client either.
 */
public final class WhatsAppCloudConfig {

    /** The Graph API host. */
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";

    /**
     * The default Graph API version: {@code v25.0}, the version of Meta's own WhatsApp examples, supported
     * until 2028-07-29. Set a newer one ({@code v26.0}) with {@link Builder#apiVersion(String)}.
     */
    public static final String DEFAULT_API_VERSION = "v25.0";

    /** The default time to wait for a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** The default time to wait for the answer to one send attempt. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,3}");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,30}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7E]+");

    private final URI baseUrl;
    private final String apiVersion;
    private final String phoneNumberId;
    private final String accessToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean retryAmbiguousFailures;

    private WhatsAppCloudConfig(Builder builder, URI baseUrl) {
        this.baseUrl = baseUrl;
        this.apiVersion = Objects.requireNonNull(builder.apiVersion);
        this.phoneNumberId = Objects.requireNonNull(builder.phoneNumberId);
        this.accessToken = Objects.requireNonNull(builder.accessToken);
        this.connectTimeout = builder.connectTimeout;
        this.requestTimeout = builder.requestTimeout;
        this.retryPolicy = builder.retryPolicy;
        this.retryAmbiguousFailures = builder.retryAmbiguousFailures;
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
                .baseUrl(baseUrl.toString())
                .apiVersion(apiVersion)
                .phoneNumberId(phoneNumberId)
                .accessToken(accessToken)
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .retryPolicy(retryPolicy)
                .retryAmbiguousFailures(retryAmbiguousFailures);
    }

    /**
     * Returns the Graph API base URL.
     *
     * @return e.g. {@code https://graph.facebook.com}
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * Returns the Graph API version.
     *
     * @return e.g. {@code v25.0}
     */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * Returns the id of the business phone number (not the number itself).
     *
     * @return the numeric id
     */
    public String phoneNumberId() {
        return phoneNumberId;
    }

    /**
     * Returns the access token. Keep it out of logs; {@link #toString()} masks it.
     *
     * @return the token
     */
    public String accessToken() {
        return accessToken;
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
     * Tells whether failures after which the message may have been accepted (HTTP 5xx, Meta's temporary
     * codes, a timeout, a broken connection) are retried. Throttling (HTTP 429, 130429, 4, 80007) is
     * always retried under the policy because the message was certainly not accepted.
     *
     * @return {@code true} by default
     */
    public boolean retryAmbiguousFailures() {
        return retryAmbiguousFailures;
    }

    /**
     * Returns the path of the send endpoint, relative to {@link #baseUrl()}.
     *
     * @return {@code /v25.0/<phone-number-id>/messages}
     */
    public String messagesPath() {
        return "/" + apiVersion + "/" + phoneNumberId + "/messages";
    }

    /** Describes the config with the access token masked. */
    @Override
    public String toString() {
        return "WhatsAppCloudConfig[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", phoneNumberId="
                + phoneNumberId + ", accessToken=" + Masking.MASK + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryPolicy=" + retryPolicy
                + ", retryAmbiguousFailures=" + retryAmbiguousFailures + "]";
    }

    /**
     * Builds a {@link WhatsAppCloudConfig}. {@code phoneNumberId} and {@code accessToken} are required;
     * {@link #build()} reports every missing or invalid setting at once, each naming its field. Not
     * thread-safe.
     */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiVersion = DEFAULT_API_VERSION;
        private @Nullable String phoneNumberId;
        private @Nullable String accessToken;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean retryAmbiguousFailures = true;

        private Builder() {}

        /**
         * Sets the Graph API base URL. Default {@value WhatsAppCloudConfig#DEFAULT_BASE_URL}; tests point it
         * at WireMock.
         *
         * @param baseUrl an absolute http or https URL without query
         * @return this builder
         */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * Sets the Graph API version. Default {@value WhatsAppCloudConfig#DEFAULT_API_VERSION}.
         *
         * @param apiVersion {@code v} followed by major and minor, e.g. {@code v26.0}
         * @return this builder
         */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
            return this;
        }

        /**
         * Sets the id of the business phone number, as shown in Meta's WhatsApp Manager. Required.
         *
         * @param phoneNumberId the numeric id, not the phone number
         * @return this builder
         */
        public Builder phoneNumberId(String phoneNumberId) {
            this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
            return this;
        }

        /**
         * Sets the access token (a System User token with {@code whatsapp_business_messaging}). Required.
         *
         * @param accessToken the token
         * @return this builder
         */
        public Builder accessToken(String accessToken) {
            this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
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
         * Sets whether failures after which the message may have been accepted are retried; see
         * {@link WhatsAppCloudConfig#retryAmbiguousFailures()}. Default {@code true}.
         *
         * @param retry {@code false} to throw them at once
         * @return this builder
         */
        public Builder retryAmbiguousFailures(boolean retry) {
            this.retryAmbiguousFailures = retry;
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws ConfigurationException listing every missing or invalid setting by field name
         */
        public WhatsAppCloudConfig build() {
            List<String> problems = new ArrayList<>();
            URI uri = checkBaseUrl(problems);
            if (!VERSION.matcher(apiVersion).matches()) {
                problems.add("apiVersion must look like v25.0, got '" + Masking.excerpt(apiVersion, 20) + "'");
            }
            if (phoneNumberId == null || phoneNumberId.isBlank()) {
                problems.add("phoneNumberId is required");
            } else if (!NUMERIC_ID.matcher(phoneNumberId).matches()) {
                problems.add("phoneNumberId must be the numeric id of the business phone number (digits only),"
                        + " not the phone number itself");
            }
            if (accessToken == null || accessToken.isBlank()) {
                problems.add("accessToken is required");
            } else if (!TOKEN.matcher(accessToken).matches()) {
                problems.add("accessToken must be printable ASCII without spaces or line breaks"
                        + " (give the token itself, without 'Bearer ')");
            }
            requirePositive(problems, "connectTimeout", connectTimeout);
            requirePositive(problems, "requestTimeout", requestTimeout);
            if (!problems.isEmpty() || uri == null) {
                throw new ConfigurationException("WhatsAppCloudConfig is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new WhatsAppCloudConfig(this, uri);
        }

        private @Nullable URI checkBaseUrl(List<String> problems) {
            URI uri;
            try {
                uri = new URI(baseUrl.strip());
            } catch (URISyntaxException e) {
                problems.add("baseUrl is not a valid URL: " + e.getReason());
                return null;
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add("baseUrl must be an absolute http or https URL with a host, got '"
                        + Masking.excerpt(baseUrl, 80) + "'");
                return null;
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add("baseUrl must not have user info, a query or a fragment");
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
