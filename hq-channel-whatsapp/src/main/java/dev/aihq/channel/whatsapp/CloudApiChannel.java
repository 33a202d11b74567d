package dev.aihq.channel.whatsapp;

import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelFailure;
import dev.aihq.api.channel.ChannelLimits;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.MarkupStyle;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.channel.MessageForm;
import dev.aihq.api.channel.OutboundMessage;
import dev.aihq.api.channel.QuickReply;
import dev.aihq.api.channel.SendReceipt;
import dev.aihq.api.error.AuthenticationException;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.error.MarketplaceException;
import dev.aihq.api.error.RateLimitedException;
import dev.aihq.api.error.RequestRejectedException;
import dev.aihq.api.error.ResourceNotFoundException;
import dev.aihq.api.error.RetriableMarketplaceException;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.channel.whatsapp.WhatsAppTemplates.Purpose;
import dev.aihq.channel.whatsapp.WhatsAppTemplates.Template;
import dev.aihq.channel.whatsapp.format.TemplateText;
import dev.aihq.channel.whatsapp.format.WhatsAppText;
import dev.aihq.channel.whatsapp.pacing.PacingConfig;
import dev.aihq.channel.whatsapp.pacing.SendPacer;
import dev.aihq.channel.whatsapp.webhook.WhatsAppWebhookRoute;
import dev.aihq.http.HttpLogSink;
import dev.aihq.http.JsonFormatException;
import dev.aihq.http.Masking;
import dev.aihq.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp Business Cloud API as a {@link MessageChannel}: it sends each shop's messages from that
 * shop's number, in the form the customer's 24-hour window allows, paces them, and turns the webhook's
 * deliveries into {@link dev.aihq.api.channel.InboundTraffic}.
 *
 * <pre>{@code
 * CloudApiChannel whatsapp = CloudApiChannel.builder()
 *         .accounts(WhatsAppAccounts.of(List.of(new WhatsAppAccount(shopId, config, templates))))
 *         .appSecret(System.getenv("WHATSAPP_APP_SECRET"))     // masked in toString()
 *         .verifyToken(System.getenv("WHATSAPP_VERIFY_TOKEN")) // masked in toString()
 *         .build();
 * SendReceipt receipt = whatsapp.send(message);             // FREE_TEXT, INTERACTIVE or TEMPLATE
 * frontDoorBuilder.routes(whatsapp.webhookRoutes(sink));    // a WebhookFrontDoor.Builder
 * }</pre>
 *
 * <p><b>The form of a message.</b> The customer's service window is open when
 * {@link OutboundMessage#customerLastWroteAt()} is known, now is before it plus 24 hours minus a safety
 * margin ({@link Builder#windowSafetyMargin(Duration)}, 10 minutes by default, for webhook latency), and
 * the message is not {@link OutboundMessage#templateRequired()}.
 * <table>
 *   <caption>What is sent</caption>
 *   <tr><th>Window</th><th>Message</th><th>Sent as</th><th>{@link SendReceipt#form()}</th></tr>
 *   <tr><td>open</td><td>no quick replies</td><td>free text</td><td>{@link MessageForm#FREE_TEXT}</td></tr>
 *   <tr><td>open</td><td>quick replies</td><td>an interactive {@code button} message: the text (cut at a
 *       word to {@value InteractiveMessage#MAX_BODY_LENGTH} characters, WhatsApp's limit there) and a
 *       {@code reply} button per quick reply</td><td>{@link MessageForm#INTERACTIVE}</td></tr>
 *   <tr><td>closed</td><td>marketing</td><td>the shop's marketing template</td>
 *       <td rowspan="3">{@link MessageForm#TEMPLATE}, with the template's name</td></tr>
 *   <tr><td>closed</td><td>utility or service</td><td>the shop's utility template</td></tr>
 *   <tr><td>closed</td><td>quick replies</td><td>the shop's consent-question template; quick reply
 *       {@code i} is the payload of the template's quick-reply button {@code i}</td></tr>
 * </table>
 * A template's one body parameter {@code {{1}}} carries the text, flattened with
 * {@link TemplateText#flatten(String)} (line breaks, tabs and runs of spaces become one space) and cut at a
 * word to {@value TemplateText#BODY_PARAMETER_MAX_LENGTH} characters. When WhatsApp refuses free text or
 * buttons with 131047 (the window was in fact closed), the message is sent again at once as the template,
 * once, with the same {@code biz_opaque_callback_data}. A template the message needs but the shop's
 * {@link WhatsAppTemplates} lacks fails the send with {@link FailureKind#TEMPLATE_PROBLEM}.
 *
 * <p><b>Pacing.</b> Each phone number has a {@link SendPacer} ({@link Builder#pacing(PacingConfig)}).
 * A message without a reservation reserves its recipient's next slot; if the slot is now (or past) it is
 * sent, otherwise the slot is remembered under the message's stable key and the send throws a
 * {@link WhatsAppRateLimitedException} ({@link FailureKind#RECIPIENT_RATE_LIMITED}, retriable,
 * {@link WhatsAppRateLimitedException#pacedLocally()}) whose {@link WhatsAppRateLimitedException#retryAfter()}
 * is the wait, without calling WhatsApp. When the same stable key comes back at or after its slot it is
 * sent without reserving again. Fifty messages to one customer at once therefore go out 6 seconds apart,
 * each retried exactly once. When WhatsApp itself refuses with 131056 (another process sent to the same
 * customer) the recipient's next slot is reserved and remembered the same way. Remembered slots are
 * forgotten once used, or {@link Builder#slotMemory(Duration)} after they passed.
 *
 * <p><b>Failures.</b> Every exception {@link #send(OutboundMessage)} throws is a
 * {@link MarketplaceException} implementing {@link ChannelFailure}: the {@link CloudApiFailure} exceptions
 * for WhatsApp's error codes ({@link ErrorKind#failureKind()}), {@link WhatsAppTransportException} for
 * retriable failures without a code (timeouts, 5xx pages), and {@link WhatsAppChannelException} for the
 * rest: a shop without an account ({@link FailureKind#AUTHENTICATION}), a missing template, a message that
 * cannot be put into a request ({@link FailureKind#INVALID_REQUEST}), an answer without a message id
 * ({@link FailureKind#UNKNOWN}; the message may have been sent).
 *
 * <p><b>Inbound.</b> {@link #webhookRoutes(ChannelSink)} returns the {@link WhatsAppWebhookRoute} pair
 * (handshake, and deliveries checked by {@code X-Hub-Signature-256}) wired to a translation into
 * {@link dev.aihq.api.channel.InboundTraffic}; see {@link WhatsAppTrafficTranslator} for the rules.
 *
 * <p>Thread-safe. One client per account is built on first use and kept (a new one when the account's
 * config object changes). The channel never logs message texts, tokens or unmasked numbers.
 */
public final class CloudApiChannel implements MessageChannel {

    /** The channel's name, recorded with every message and reply. */
    public static final String NAME = "whatsapp";

    /** What the channel carries: 4,096 characters, WhatsApp markup, templates outside the window, 3 buttons. */
    public static final ChannelLimits LIMITS = new ChannelLimits(WhatsAppText.MAX_TEXT_LENGTH, MarkupStyle.WHATSAPP,
            true, InteractiveMessage.MAX_BUTTONS);

    /** The customer service window: 24 hours from the customer's latest message. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    /** The default margin by which the window is taken to close early. */
    public static final Duration DEFAULT_WINDOW_SAFETY_MARGIN = Duration.ofMinutes(10);

    /** The default time a remembered slot is kept after it passed without its message coming back. */
    public static final Duration DEFAULT_SLOT_MEMORY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(CloudApiChannel.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final WhatsAppAccounts accounts;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpLogSink httpLogSink;
    private final PacingConfig pacing;
    private final Duration windowSafetyMargin;
    private final Duration slotMemory;
    private final @Nullable String appSecret;
    private final @Nullable String verifyToken;
    private final String webhookPath;

    private final Map<ShopId, CloudApiClient> clients = new ConcurrentHashMap<>();
    private final Map<String, SendPacer> pacers = new ConcurrentHashMap<>();
    /** Slots reserved for messages that were held back, by phone-number id and stable key. */
    private final Map<String, Instant> pacedSlots = new ConcurrentHashMap<>();
    private final Object sweepLock = new Object();
    private Instant nextSweep = Instant.MIN;

    private CloudApiChannel(Builder b, WhatsAppAccounts accounts) {
        this.accounts = accounts;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.httpLogSink = b.httpLogSink;
        this.pacing = b.pacing;
        this.windowSafetyMargin = b.windowSafetyMargin;
        this.slotMemory = b.slotMemory;
        this.appSecret = b.appSecret;
        this.verifyToken = b.verifyToken;
        this.webhookPath = b.webhookPath;
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns {@value #NAME}.
     *
     * @return the channel's name
     */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Returns {@link #LIMITS}: 4,096 characters, WhatsApp markup, templates needed outside the window, at
     * most 3 quick replies.
     *
     * @return the limits
     */
    @Override
    public ChannelLimits limits() {
        return LIMITS;
    }

    /**
     * Sends a message from its shop's number in the form the window allows; see the type's description.
     *
     * @param message the message
     * @return the receipt: the wamid, when WhatsApp accepted it, the form and the template's name
     * @throws WhatsAppRateLimitedException when the pacer holds the message back (nothing sent; retry after
     *     {@link WhatsAppRateLimitedException#retryAfter()}) or WhatsApp throttled it
     * @throws WhatsAppChannelException when the shop has no account or lacks the template, or the message
     *     cannot be sent as it is
     * @throws MarketplaceException any other refusal, always implementing {@link ChannelFailure}
     */
    @Override
    public SendReceipt send(OutboundMessage message) {
        Objects.requireNonNull(message, "message");
        String shop = message.shopId().value();
        WhatsAppAccount account = accounts.forShop(message.shopId()).orElseThrow(() -> new WhatsAppChannelException(
                FailureKind.AUTHENTICATION, 0, "shop " + shop + " has no WhatsApp account", null));
        Instant now = clock.instant();
        boolean open = windowOpen(message, now);
        Purpose purpose = WhatsAppTemplates.purposeOf(message.category(), !message.quickReplies().isEmpty());
        if (!open) {
            requireTemplate(account, purpose, null);
        }
        pace(account, message, now);
        CloudApiClient client = client(account);
        if (!open) {
            return sendTemplate(client, account, message, purpose);
        }
        try {
            if (message.quickReplies().isEmpty()) {
                TextMessage text = build(message, () -> TextMessage.of(message.to(), message.text(),
                        message.stableKey()));
                return receipt(call(account, message, "send text", () -> client.sendText(text)), message,
                        MessageForm.FREE_TEXT, null);
            }
            InteractiveMessage interactive = build(message, () -> InteractiveMessage.of(message.to(),
                    WhatsAppText.truncate(message.text(), InteractiveMessage.MAX_BODY_LENGTH), message.quickReplies(),
                    message.stableKey()));
            return receipt(call(account, message, "send interactive", () -> client.sendInteractive(interactive)),
                    message, MessageForm.INTERACTIVE, null);
        } catch (WindowClosedException closed) {
            LOG.debug("WhatsApp: shop {} message {} refused as free text, window closed; sending the {} template",
                    shop, message.stableKey(), purpose.label());
            requireTemplate(account, purpose, closed);
            return sendTemplate(client, account, message, purpose);
        }
    }

    /**
     * Returns the webhook routes of the channel: the GET handshake and the POST deliveries of a
     * {@link WhatsAppWebhookRoute} at {@link Builder#webhookPath(String)}, checked with the app secret and
     * verify token, each delivery translated into one {@link dev.aihq.api.channel.InboundTraffic} for the
     * sink (not for a delivery that carried nothing). A sink that throws makes the route answer 500, so
     * that Meta delivers again.
     *
     * @param sink where the traffic goes
     * @return the two routes
     * @throws ConfigurationException if the builder was given no app secret or no verify token
     */
    @Override
    public List<WebhookRoute> webhookRoutes(ChannelSink sink) {
        Objects.requireNonNull(sink, "sink");
        if (appSecret == null || verifyToken == null) {
            throw new ConfigurationException("CloudApiChannel has no webhook: set appSecret and verifyToken on its"
                    + " builder");
        }
        return WhatsAppWebhookRoute.builder()
                .path(webhookPath)
                .appSecret(appSecret)
                .verifyToken(verifyToken)
                .sink(new WhatsAppTrafficTranslator(accounts, sink))
                .build()
                .routes();
    }

    /**
     * Tells whether the customer's service window is open for a message at an instant: the customer wrote,
     * the instant is before that plus 24 hours minus the safety margin, and the message does not require a
     * template.
     *
     * @param message the message
     * @param now the instant
     * @return {@code true} when free text may be sent
     */
    public boolean windowOpen(OutboundMessage message, Instant now) {
        Instant lastWrote = message.customerLastWroteAt();
        return lastWrote != null && !message.templateRequired()
                && now.isBefore(lastWrote.plus(SERVICE_WINDOW).minus(windowSafetyMargin));
    }

    /** Describes the channel with its secrets masked. */
    @Override
    public String toString() {
        return "CloudApiChannel[" + accounts + ", pacing=" + pacing + ", windowSafetyMargin=" + windowSafetyMargin
                + ", webhookPath=" + webhookPath + ", appSecret=" + (appSecret == null ? "none" : Masking.MASK)
                + ", verifyToken=" + (verifyToken == null ? "none" : Masking.MASK) + "]";
    }

    private SendReceipt sendTemplate(CloudApiClient client, WhatsAppAccount account, OutboundMessage message,
            Purpose purpose) {
        Template template = requireTemplate(account, purpose, null);
        TemplateMessage templateMessage = build(message, () -> {
            String body = WhatsAppText.truncate(TemplateText.flatten(message.text()),
                    TemplateText.BODY_PARAMETER_MAX_LENGTH);
            TemplateMessage.Builder builder = TemplateMessage.builder(message.to(), template.name(),
                            template.languageCode())
                    .body(TemplateParameter.text(body))
                    .callbackData(message.stableKey());
            List<QuickReply> replies = message.quickReplies();
            for (int i = 0; i < replies.size(); i++) {
                builder.button(TemplateButton.quickReply(i, replies.get(i).id()));
            }
            return builder.build();
        });
        return receipt(call(account, message, "send template " + template.name(),
                () -> client.sendTemplate(templateMessage)), message, MessageForm.TEMPLATE, template.name());
    }

    private static Template requireTemplate(WhatsAppAccount account, Purpose purpose, @Nullable Throwable cause) {
        return account.templates().forPurpose(purpose).orElseThrow(() -> new WhatsAppChannelException(
                FailureKind.TEMPLATE_PROBLEM, 0, "shop " + account.shopId().value() + " has no " + purpose.label()
                        + " template, needed outside the customer's 24-hour window; add it to its WhatsAppTemplates",
                cause));
    }

    private SendReceipt receipt(CloudSendReceipt sent, OutboundMessage message, MessageForm form,
            @Nullable String template) {
        LOG.debug("WhatsApp: shop {} message {} to {} accepted as {}", message.shopId().value(), message.stableKey(),
                message.to().masked(), template == null ? form : "template " + template);
        return new SendReceipt(sent.messageId(), sent.acceptedAt(), form, template);
    }

    /** Holds a message back when its recipient's slot is later than now; see the type's description. */
    private void pace(WhatsAppAccount account, OutboundMessage message, Instant now) {
        sweep(now);
        String slotKey = slotKey(account, message);
        Instant remembered = pacedSlots.get(slotKey);
        if (remembered != null) {
            if (now.isBefore(remembered)) {
                throw paced(message, Duration.between(now, remembered));
            }
            pacedSlots.remove(slotKey, remembered);
            return;
        }
        Instant slot = pacer(account).reserve(message.to().e164());
        // The pacer reads the clock after "now" was read: a free slot is the pacer's own now, which on a
        // running clock is already later than "now". Compare with the time after the reservation instead.
        Instant reservedAt = clock.instant();
        if (slot.isAfter(reservedAt)) {
            pacedSlots.put(slotKey, slot);
            throw paced(message, Duration.between(reservedAt, slot));
        }
    }

    private static WhatsAppRateLimitedException paced(OutboundMessage message, Duration wait) {
        return WhatsAppRateLimitedException.paced(wait, "shop " + message.shopId().value() + " message "
                + message.stableKey());
    }

    /** Moves the retry of a message WhatsApp refused with 131056 to its recipient's next slot. */
    private WhatsAppRateLimitedException repace(WhatsAppAccount account, OutboundMessage message,
            WhatsAppRateLimitedException refused) {
        Instant now = clock.instant();
        Instant slot = pacer(account).reserve(message.to().e164());
        Duration wait = Duration.between(now, slot);
        Duration asked = refused.retryAfter().orElse(CloudApiErrors.PAIR_RATE_WAIT);
        if (asked.compareTo(wait) > 0) {
            wait = asked;
        }
        pacedSlots.put(slotKey(account, message), now.plus(wait));
        return refused.withRetryAfter(wait);
    }

    private void sweep(Instant now) {
        synchronized (sweepLock) {
            if (now.isBefore(nextSweep)) {
                return;
            }
            nextSweep = now.plus(SWEEP_INTERVAL);
        }
        Instant forgetBefore = now.minus(slotMemory);
        pacedSlots.values().removeIf(slot -> slot.isBefore(forgetBefore));
    }

    private static String slotKey(WhatsAppAccount account, OutboundMessage message) {
        return account.phoneNumberId() + "\n" + message.stableKey();
    }

    private SendPacer pacer(WhatsAppAccount account) {
        return pacers.computeIfAbsent(account.phoneNumberId(), id -> SendPacer.create(pacing, clock));
    }

    private CloudApiClient client(WhatsAppAccount account) {
        CloudApiClient existing = clients.get(account.shopId());
        if (existing != null && existing.config() == account.config()) {
            return existing;
        }
        return clients.compute(account.shopId(), (shop, current) -> current != null
                && current.config() == account.config() ? current : newClient(account));
    }

    private CloudApiClient newClient(WhatsAppAccount account) {
        try {
            return CloudApiClient.builder(account.config()).clock(clock).sleeper(sleeper).logSink(httpLogSink)
                    .build();
        } catch (ConfigurationException e) {
            throw new WhatsAppChannelException(FailureKind.INVALID_REQUEST, 0, "shop " + account.shopId().value()
                    + ": the WhatsApp client could not be built: " + e.getMessage(), e);
        }
    }

    private static <T> T build(OutboundMessage message, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw new WhatsAppChannelException(FailureKind.INVALID_REQUEST, 0, "shop " + message.shopId().value()
                    + " message " + message.stableKey() + " cannot be sent on WhatsApp: " + e.getMessage(), e);
        }
    }

    /** Runs one call and makes whatever it throws a {@link ChannelFailure}. */
    private CloudSendReceipt call(WhatsAppAccount account, OutboundMessage message, String request,
            Supplier<CloudSendReceipt> send) {
        String what = "shop " + message.shopId().value() + " " + request + " (message " + message.stableKey() + ")";
        try {
            return send.get();
        } catch (WhatsAppRateLimitedException e) {
            if (e.kind() == ErrorKind.RECIPIENT_RATE_LIMITED && !e.pacedLocally()) {
                throw repace(account, message, e);
            }
            throw e;
        } catch (MarketplaceException e) {
            if (e instanceof ChannelFailure) {
                throw e;
            }
            throw translate(what, e);
        } catch (JsonFormatException e) {
            throw new WhatsAppChannelException(FailureKind.UNKNOWN, 200, what + ": the answer had no message id;"
                    + " the message may have been sent (match it by biz_opaque_callback_data in the status webhooks)",
                    e);
        } catch (HqException e) {
            if (e instanceof ChannelFailure) {
                throw e;
            }
            throw new WhatsAppChannelException(FailureKind.UNKNOWN, 0, what + " failed: " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static MarketplaceException translate(String what, MarketplaceException e) {
        String text = what + " failed without a WhatsApp error code (" + e.getClass().getSimpleName() + ")";
        if (e instanceof RetriableMarketplaceException retriable) {
            FailureKind kind = e instanceof RateLimitedException ? FailureKind.SENDER_RATE_LIMITED : FailureKind.TEMPORARY;
            return new WhatsAppTransportException(kind, e.status(), text, retriable.retryAfter().orElse(null), e);
        }
        FailureKind kind;
        if (e instanceof AuthenticationException) {
            kind = FailureKind.AUTHENTICATION;
        } else if (e instanceof RequestRejectedException || e instanceof ResourceNotFoundException) {
            kind = FailureKind.INVALID_REQUEST;
        } else {
            kind = FailureKind.UNKNOWN;
        }
        return new WhatsAppChannelException(kind, e.status(), text, e);
    }

    /**
     * Builds a {@link CloudApiChannel}. {@link #accounts(WhatsAppAccounts)} is required; {@link #build()}
     * reports every missing or invalid setting at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable WhatsAppAccounts accounts;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private HttpLogSink httpLogSink = HttpLogSink.slf4j();
        private PacingConfig pacing = PacingConfig.defaults();
        private Duration windowSafetyMargin = DEFAULT_WINDOW_SAFETY_MARGIN;
        private Duration slotMemory = DEFAULT_SLOT_MEMORY;
        private @Nullable String appSecret;
        private @Nullable String verifyToken;
        private String webhookPath = WhatsAppWebhookRoute.DEFAULT_PATH;

        private Builder() {}

        /**
         * Sets where each shop's number, token and templates come from. Required.
         *
         * @param accounts the accounts
         * @return this builder
         */
        public Builder accounts(WhatsAppAccounts accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            return this;
        }

        /**
         * Sets the clock of the window decision, the pacer and the receipts. Default system UTC.
         *
         * @param clock the clock; tests pass a settable one
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how the clients wait between attempts of one send. Default {@link Sleeper#system()}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets where the clients' request and response lines go (masked). Default {@link HttpLogSink#slf4j()}.
         *
         * @param httpLogSink the sink
         * @return this builder
         */
        public Builder httpLogSink(HttpLogSink httpLogSink) {
            this.httpLogSink = Objects.requireNonNull(httpLogSink, "httpLogSink");
            return this;
        }

        /**
         * Sets the limits each number's pacer keeps. Default {@link PacingConfig#defaults()}.
         *
         * @param pacing the limits
         * @return this builder
         */
        public Builder pacing(PacingConfig pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /**
         * Sets how long before the 24 hours run out the window is taken as closed. Default 10 minutes.
         *
         * @param margin from zero to less than 24 hours
         * @return this builder
         */
        public Builder windowSafetyMargin(Duration margin) {
            this.windowSafetyMargin = Objects.requireNonNull(margin, "windowSafetyMargin");
            return this;
        }

        /**
         * Sets how long a remembered slot is kept after it passed without its message coming back. Default
         * one hour.
         *
         * @param memory a positive duration
         * @return this builder
         */
        public Builder slotMemory(Duration memory) {
            this.slotMemory = Objects.requireNonNull(memory, "slotMemory");
            return this;
        }

        /**
         * Sets the Meta app's secret that keys the webhook signatures. Needed for
         * {@link CloudApiChannel#webhookRoutes(ChannelSink)}; masked in {@code toString()}.
         *
         * @param appSecret the app secret
         * @return this builder
         */
        public Builder appSecret(String appSecret) {
            this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
            return this;
        }

        /**
         * Sets the verify token typed into the App Dashboard with the callback URL. Needed for
         * {@link CloudApiChannel#webhookRoutes(ChannelSink)}; masked in {@code toString()}.
         *
         * @param verifyToken the token
         * @return this builder
         */
        public Builder verifyToken(String verifyToken) {
            this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
            return this;
        }

        /**
         * Sets the webhook's path. Default {@value WhatsAppWebhookRoute#DEFAULT_PATH}.
         *
         * @param path the path, starting with {@code /}
         * @return this builder
         */
        public Builder webhookPath(String path) {
            this.webhookPath = Objects.requireNonNull(path, "webhookPath");
            return this;
        }

        /**
         * Builds the channel.
         *
         * @return the channel
         * @throws ConfigurationException listing every missing or invalid setting by name
         */
        public CloudApiChannel build() {
            List<String> problems = new ArrayList<>();
            if (accounts == null) {
                problems.add("accounts is required");
            }
            if (windowSafetyMargin.isNegative() || windowSafetyMargin.compareTo(SERVICE_WINDOW) >= 0) {
                problems.add("windowSafetyMargin must be from zero to less than 24 hours, got " + windowSafetyMargin);
            }
            if (slotMemory.isNegative() || slotMemory.isZero()) {
                problems.add("slotMemory must be positive, got " + slotMemory);
            }
            if (appSecret != null && appSecret.isBlank()) {
                problems.add("appSecret must not be blank");
            }
            if (verifyToken != null && verifyToken.isBlank()) {
                problems.add("verifyToken must not be blank");
            }
            if ((appSecret == null) != (verifyToken == null)) {
                problems.add("appSecret and verifyToken go together: set both for the webhook, or neither");
            }
            if (!webhookPath.startsWith("/")) {
                problems.add("webhookPath must start with '/', got '" + Masking.excerpt(webhookPath, 40) + "'");
            }
            if (!problems.isEmpty() || accounts == null) {
                throw new ConfigurationException("CloudApiChannel is not configured correctly: "
                        + String.join("; ", problems));
            }
            return new CloudApiChannel(this, accounts);
        }

        /** Describes the settings with the secrets masked. */
        @Override
        public String toString() {
            return "CloudApiChannel.Builder[pacing=" + pacing + ", windowSafetyMargin=" + windowSafetyMargin
                    + ", webhookPath=" + webhookPath + ", appSecret=" + (appSecret == null ? "none" : Masking.MASK)
                    + ", verifyToken=" + (verifyToken == null ? "none" : Masking.MASK) + "]";
        }
    }
}
