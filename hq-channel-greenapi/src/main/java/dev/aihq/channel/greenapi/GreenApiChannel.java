package dev.aihq.channel.greenapi;

import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.Sleeper;
import java.net.ProxySelector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * The Green-API {@link MessageChannel}, named {@value #NAME}: messages to customers through each shop's
 * Green-API instance, and their replies and delivery statuses through one webhook route.
 *
 * <pre>{@code
 * GreenApiChannel channel = GreenApiChannel.builder(GreenApiAccounts.of(shopId, config)).build();
 * SendReceipt receipt = channel.send(OutboundMessage.text(shopId, customer, "Спасибо за покупку!",
 *         "order-8812:review", MessageCategory.SERVICE));
 * frontDoor.mount(channel.webhookRoutes(sink)); // POST /webhooks/green-api
 * }</pre>
 *
 * <p><b>What it can carry</b> ({@link #limits()}): 4,000 characters of WhatsApp markup (Green-API's
 * documentation says 20,000 in one place and 4,000 in another; the lower holds), no templates and no
 * service window (Green-API drives an ordinary WhatsApp account), and no buttons: quick replies are
 * appended to the text as one line, e.g. {@code Ответьте: Да / Нет}, and the customer's answer arrives as
 * typed text. Every message goes as {@link dev.aihq.api.channel.MessageForm#FREE_TEXT}, whatever its
 * category.
 *
 * <p><b>No stable key.</b> Green-API's {@code sendMessage} has no field for our own key (WhatsApp's
 * {@code biz_opaque_callback_data}), so statuses are matched by Green-API's {@code idMessage} only, and a
 * resend after an ambiguous failure (a timeout, a 5xx) cannot be recognised as a duplicate.
 *
 * <p><b>Ban risk.</b> Green-API links an ordinary WhatsApp or WhatsApp Business app account as a device.
 * Automated use of such accounts is outside WhatsApp's terms, and unsolicited or bulk sending gets the
 * number suspended ({@code yellowCard}) or banned. Send only to customers who wrote first or agreed, and
 * keep volumes low; the official Cloud API channel is the one for marketing at scale.
 *
 * <p>Credentials are resolved per shop through {@link GreenApiAccounts}; one {@link GreenApiClient} is
 * kept per instance. Thread-safe.
 */
public final class GreenApiChannel implements MessageChannel {

    /** The channel's name, recorded with every message. */
    public static final String NAME = "whatsapp-green";

    /** The longest text sent, in characters. */
    public static final int MAX_TEXT_LENGTH = 4000;

    /** The words that introduce the quick replies listed in the text, by default. */
    public static final String DEFAULT_QUICK_REPLY_PROMPT = "Ответьте:";

    private static final ChannelLimits LIMITS = new ChannelLimits(MAX_TEXT_LENGTH, MarkupStyle.WHATSAPP, false, 0);

    private final GreenApiAccounts accounts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpLogSink logSink;
    private final @Nullable ProxySelector proxy;
    private final boolean retryAmbiguousFailures;
    private final String webhookPath;
    private final String quickReplyPrompt;
    private final Map<GreenApiConfig, GreenApiClient> clients = new ConcurrentHashMap<>();

    private GreenApiChannel(Builder builder) {
        this.accounts = builder.accounts;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.logSink = builder.logSink;
        this.proxy = builder.proxy;
        this.retryAmbiguousFailures = builder.retryAmbiguousFailures;
        this.webhookPath = builder.webhookPath;
        this.quickReplyPrompt = builder.quickReplyPrompt;
    }

    /**
     * Starts a builder.
     *
     * @param accounts each shop's Green-API instance
     * @return a builder
     */
    public static Builder builder(GreenApiAccounts accounts) {
        return new Builder(accounts);
    }

    /**
     * Returns {@value #NAME}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Returns 4,000 characters of WhatsApp markup, no templates, no buttons.
     *
     * @return the limits
     */
    @Override
    public ChannelLimits limits() {
        return LIMITS;
    }

    /**
     * Sends the message as free text from the shop's instance, its quick replies listed in a last line.
     *
     * @param message the message
     * @return the receipt with Green-API's {@code idMessage}, form {@link dev.aihq.api.channel.MessageForm#FREE_TEXT}
     * @throws GreenApiAuthenticationException when the shop has no Green-API instance (status 0) or its
     *     credentials are refused
     * @throws GreenApiRejectedException when the text with its quick-reply line is longer than
     *     {@value #MAX_TEXT_LENGTH} characters (status 0, nothing sent) or Green-API rejects the request
     * @throws MarketplaceException any other failure of {@link GreenApiClient#sendMessage}
     */
    @Override
    public SendReceipt send(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        GreenApiConfig config = accounts.forShop(message.shopId()).orElseThrow(() ->
                new GreenApiAuthenticationException(0, "no Green-API instance is configured for shop "
                        + message.shopId(), null));
        String text = render(message.text(), message.quickReplies());
        return clientFor(config).sendMessage(message.to(), text);
    }

    /**
     * Returns the text as sent: the message's text and, when it has quick replies, a blank line and the
     * prompt with the titles, e.g. {@code Ответьте: Да / Нет}.
     *
     * @param text the message's text
     * @param quickReplies its quick replies, possibly none
     * @return the text to send
     * @throws GreenApiRejectedException when the result is longer than {@value #MAX_TEXT_LENGTH} characters
     */
    public String render(String text, List<QuickReply> quickReplies) {
        String line = quickReplies.isEmpty() ? ""
                : "\n\n" + quickReplyPrompt + " "
                        + quickReplies.stream().map(QuickReply::title).collect(Collectors.joining(" / "));
        int total = text.length() + line.length();
        if (total > MAX_TEXT_LENGTH) {
            throw new GreenApiRejectedException(0, line.isEmpty()
                    ? "the text has " + text.length() + " characters, more than Green-API's " + MAX_TEXT_LENGTH
                            + "; nothing was sent"
                    : "the text (" + text.length() + " characters) and its quick-reply line (" + line.length()
                            + ") come to " + total + " characters, more than Green-API's " + MAX_TEXT_LENGTH
                            + ": shorten the text to at most " + (MAX_TEXT_LENGTH - line.length())
                            + " characters; nothing was sent", null);
        }
        return text + line;
    }

    /**
     * Returns the one webhook route: {@code POST} at the configured path, authenticated by each instance's
     * webhook token; see {@link GreenApiWebhookRoute}.
     *
     * @param sink where the route hands replies and statuses
     * @return the route
     */
    @Override
    public List<WebhookRoute> webhookRoutes(ChannelSink sink) {
        return List.of(new GreenApiWebhookRoute(webhookPath, accounts, sink));
    }

    private GreenApiClient clientFor(GreenApiConfig config) {
        return clients.computeIfAbsent(config, c -> {
            GreenApiClient.Builder client = GreenApiClient.builder(c)
                    .clock(clock)
                    .sleeper(sleeper)
                    .logSink(logSink)
                    .retryAmbiguousFailures(retryAmbiguousFailures);
            if (proxy != null) {
                client.proxy(proxy);
            }
            return client.build();
        });
    }

    /** Names the channel without credentials. */
    @Override
    public String toString() {
        return "GreenApiChannel[" + NAME + ", webhook " + webhookPath + "]";
    }

    /** Builds a {@link GreenApiChannel}; {@link #build()} reports every invalid setting at once. Not thread-safe. */
    public static final class Builder {
        private final GreenApiAccounts accounts;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink logSink = HttpLogSink.slf4j();
        private @Nullable ProxySelector proxy;
        private boolean retryAmbiguousFailures;
        private String webhookPath = GreenApiWebhookRoute.DEFAULT_PATH;
        private String quickReplyPrompt = DEFAULT_QUICK_REPLY_PROMPT;

        private Builder(GreenApiAccounts accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
        }

        /**
         * Sets the clock of receipts. Default system UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how waits between send attempts are made. Default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where HTTP request and response lines go. Default {@link HttpLogSink#slf4j()}.
         *
         * @param logSink the sink
         * @return this builder
         */
        public Builder logSink(HttpLogSink logSink) {
            this.logSink = Objects.requireNonNull(logSink, "logSink");
            return this;
        }

        /**
         * Sets a proxy for the calls to Green-API.
         *
         * @param proxy the proxy selector
         * @return this builder
         */
        public Builder proxy(ProxySelector proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        /**
         * Sets whether sends are retried after a 5xx or a timeout; see
         * {@link GreenApiClient.Builder#retryAmbiguousFailures(boolean)}. Default {@code false}.
         *
         * @param retry {@code true} to retry them
         * @return this builder
         */
        public Builder retryAmbiguousFailures(boolean retry) {
            this.retryAmbiguousFailures = retry;
            return this;
        }

        /**
         * Sets the webhook route's path. Default {@value GreenApiWebhookRoute#DEFAULT_PATH}.
         *
         * @param path the path, starting with {@code /}
         * @return this builder
         */
        public Builder webhookPath(String path) {
            this.webhookPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets the words that introduce the quick replies listed in the text. Default
         * {@value GreenApiChannel#DEFAULT_QUICK_REPLY_PROMPT}.
         *
         * @param prompt e.g. {@code Жауап беріңіз:} for Kazakh
         * @return this builder
         */
        public Builder quickReplyPrompt(String prompt) {
            this.quickReplyPrompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return the channel
         * @throws ConfigurationException listing every invalid setting
         */
        public GreenApiChannel build() {
            List<String> problems = new ArrayList<>();
            if (!webhookPath.startsWith("/") || webhookPath.contains("?") || webhookPath.contains("#")) {
                problems.add("webhookPath must start with '/' and have no query or fragment");
            }
            if (quickReplyPrompt.isBlank() || quickReplyPrompt.length() > 40) {
                problems.add("quickReplyPrompt must be 1-40 characters and not blank");
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("GreenApiChannel is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new GreenApiChannel(this);
        }
    }
}
