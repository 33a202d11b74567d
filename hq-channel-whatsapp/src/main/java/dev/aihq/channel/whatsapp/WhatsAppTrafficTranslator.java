package dev.aihq.channel.whatsapp;

import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.DeliveryState;
import dev.aihq.api.channel.DeliveryStatus;
import dev.aihq.api.channel.FailureKind;
import dev.aihq.api.channel.InboundTraffic;
import dev.aihq.api.channel.MarketingPreference;
import dev.aihq.api.error.FieldError;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.channel.whatsapp.webhook.InboundBatch;
import dev.aihq.channel.whatsapp.webhook.InboundContent;
import dev.aihq.channel.whatsapp.webhook.InboundMessage;
import dev.aihq.channel.whatsapp.webhook.MessageStatus;
import dev.aihq.channel.whatsapp.webhook.StatusType;
import dev.aihq.channel.whatsapp.webhook.UserPreference;
import dev.aihq.channel.whatsapp.webhook.WhatsAppError;
import dev.aihq.channel.whatsapp.webhook.WhatsAppInboundSink;
import dev.aihq.channel.whatsapp.webhook.WhatsAppUser;
import dev.aihq.http.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each {@link InboundBatch} of a verified WhatsApp webhook delivery into one {@link InboundTraffic}
 * and hands it to a {@link ChannelSink}; {@link CloudApiChannel#webhookRoutes(ChannelSink)} wires it behind
 * a {@link dev.aihq.channel.whatsapp.webhook.WhatsAppWebhookRoute}.
 *
 * <p><b>Shop.</b> Every item belongs to the shop whose account has the change's
 * {@code metadata.phone_number_id} ({@link WhatsAppAccounts#shopForPhoneNumberId(String)}). An item of an
 * unknown number is left out and reported as a problem at
 * {@code messages[i].metadata.phone_number_id} (likewise {@code statuses[i]}, {@code user_preferences[i]};
 * {@code i} counts the delivery's items of that kind across all its entries and changes), and logged with
 * the number's id only.
 *
 * <p><b>Messages</b> become {@link CustomerReplyEvent}s on channel {@value CloudApiChannel#NAME}, keyed
 * {@link CustomerReplyEvent#keyFor(String, String) customer_reply:whatsapp:&lt;wamid&gt;} so a redelivery
 * gives the same key, dated by the message's Unix-seconds {@code timestamp}:
 * <ul>
 *   <li>the sender is the phone number when {@code from} (or the contact's {@code wa_id}) is not empty,
 *       and the BSUID ({@code from_user_id}) as {@link CustomerReplyEvent#fromUserId()} whenever given, so
 *       a user with a username and no number arrives with {@code from == null} and the BSUID;</li>
 *   <li>the text is a text message's body exactly as received (Cyrillic, Kazakh letters, emoji); for a
 *       tapped template button, interactive button or list row it is the title the customer saw, with
 *       {@link CustomerReplyEvent#buttonId()} the button's payload or the reply's id;</li>
 *   <li>an image, video or document with a caption gives the caption; any other message (media without
 *       a caption, voice, location, sticker, reaction, unsupported) gives a short bracketed marker of its
 *       type, such as {@code [image]}, {@code [audio]} or {@code [location]}, so the agent can answer that
 *       it reads only text.</li>
 * </ul>
 *
 * <p><b>Statuses</b> become {@link DeliveryStatus}es: {@code sent}, {@code delivered}, {@code read} (and
 * {@code played}, as read) and {@code failed}, with our stable key from {@code biz_opaque_callback_data}
 * when present. A failure's kind is that of its first error's code ({@link ErrorKind#failureKindOf(int)};
 * {@link FailureKind#UNKNOWN} without errors), with the code and title. Status values WhatsApp adds later
 * are skipped.
 *
 * <p><b>Preferences</b>: a {@code user_preferences} stop or resume of {@code marketing_messages} becomes a
 * {@link MarketingPreference}. One whose user has no phone number cannot be expressed (the SPI addresses
 * preferences by number) and is reported as a problem; other categories and values are skipped.
 *
 * <p>The parser's problems are passed on; an item that cannot become an event is left out with a problem
 * at its path. Problems and logs hold no personal data. A delivery that leaves nothing to hand over does not
 * call the sink; a sink that throws propagates, so the route answers 500 and Meta delivers again.
 * Thread-safe.
 */
public final class WhatsAppTrafficTranslator implements WhatsAppInboundSink {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppTrafficTranslator.class);

    private final WhatsAppAccounts accounts;
    private final ChannelSink sink;

    /**
     * Creates the translator.
     *
     * @param accounts which shop each phone-number id belongs to
     * @param sink where the traffic goes
     */
    public WhatsAppTrafficTranslator(WhatsAppAccounts accounts, ChannelSink sink) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /**
     * Translates a delivery and hands it to the sink unless it is empty.
     *
     * @param batch what the delivery carried
     * @throws RuntimeException when the sink throws, so that the route answers 500
     */
    @Override
    public void onDelivery(InboundBatch batch) {
        InboundTraffic traffic = translate(batch);
        if (traffic.isEmpty()) {
            LOG.debug("WhatsApp: nothing to hand over from {}", batch);
            return;
        }
        sink.receive(traffic);
    }

    /**
     * Translates a delivery without handing it over.
     *
     * @param batch what the delivery carried
     * @return the traffic, possibly empty
     */
    public InboundTraffic translate(InboundBatch batch) {
        Objects.requireNonNull(batch, "batch");
        List<CustomerReplyEvent> replies = new ArrayList<>();
        List<DeliveryStatus> statuses = new ArrayList<>();
        List<MarketingPreference> preferences = new ArrayList<>();
        List<FieldError> problems = new ArrayList<>(batch.problems());
        Map<String, Integer> unknownNumbers = new TreeMap<>();

        for (int i = 0; i < batch.messages().size(); i++) {
            InboundMessage message = batch.messages().get(i);
            String path = "messages[" + i + "]";
            Optional<ShopId> shop = shop(message.phoneNumberId(), path, problems, unknownNumbers);
            if (shop.isPresent()) {
                reply(shop.get(), message, path, problems).ifPresent(replies::add);
            }
        }
        for (int i = 0; i < batch.statuses().size(); i++) {
            MessageStatus status = batch.statuses().get(i);
            String path = "statuses[" + i + "]";
            Optional<ShopId> shop = shop(status.phoneNumberId(), path, problems, unknownNumbers);
            if (shop.isPresent()) {
                status(shop.get(), status, path, problems).ifPresent(statuses::add);
            }
        }
        for (int i = 0; i < batch.preferences().size(); i++) {
            UserPreference preference = batch.preferences().get(i);
            String path = "user_preferences[" + i + "]";
            Optional<ShopId> shop = shop(preference.phoneNumberId(), path, problems, unknownNumbers);
            if (shop.isPresent()) {
                preference(shop.get(), preference, path, problems).ifPresent(preferences::add);
            }
        }
        if (!unknownNumbers.isEmpty()) {
            LOG.warn("WhatsApp: items for phone number id(s) that no shop's account has were left out: {}",
                    unknownNumbers);
        }
        for (WhatsAppError error : batch.systemErrors()) {
            LOG.warn("WhatsApp: Meta reported a system error (#{}) {}", error.code(),
                    error.title() == null ? "" : Masking.maskText(error.title()));
        }
        return new InboundTraffic(replies, statuses, preferences, problems);
    }

    /** Describes the translator without its accounts' secrets. */
    @Override
    public String toString() {
        return "WhatsAppTrafficTranslator[" + accounts + "]";
    }

    private Optional<ShopId> shop(String phoneNumberId, String path, List<FieldError> problems,
            Map<String, Integer> unknownNumbers) {
        Optional<ShopId> shop = accounts.shopForPhoneNumberId(phoneNumberId);
        if (shop.isEmpty()) {
            problems.add(new FieldError(path + ".metadata.phone_number_id", "no shop's WhatsApp account has phone"
                    + " number id " + Masking.excerpt(phoneNumberId, 30) + "; the item was left out"));
            unknownNumbers.merge(Masking.excerpt(phoneNumberId, 30), 1, Integer::sum);
        }
        return shop;
    }

    private static Optional<CustomerReplyEvent> reply(ShopId shop, InboundMessage message, String path,
            List<FieldError> problems) {
        String text;
        String buttonId = null;
        InboundContent content = message.content();
        if (content instanceof InboundContent.Text t) {
            text = t.body();
        } else if (content instanceof InboundContent.Reply r) {
            text = r.title();
            buttonId = r.id();
        } else if (content instanceof InboundContent.Unsupported u) {
            text = u.caption() != null ? u.caption() : "[" + u.type() + "]";
        } else {
            throw new IllegalStateException("unknown content " + content.getClass().getName());
        }
        WhatsAppUser from = message.from();
        try {
            return Optional.of(new CustomerReplyEvent(shop, CloudApiChannel.NAME, from.phone(), from.userId(), text,
                    buttonId, message.id(), message.timestamp(),
                    CustomerReplyEvent.keyFor(CloudApiChannel.NAME, message.id())));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(path, "could not become a reply: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<DeliveryStatus> status(ShopId shop, MessageStatus status, String path,
            List<FieldError> problems) {
        DeliveryState state = state(status.status());
        if (state == null) {
            LOG.debug("WhatsApp: status '{}' is not one the channel reports; skipped", status.status());
            return Optional.empty();
        }
        FailureKind failure = null;
        String errorCode = null;
        String errorTitle = null;
        if (state == DeliveryState.FAILED) {
            WhatsAppError first = status.errors().isEmpty() ? null : status.errors().get(0);
            failure = first == null ? FailureKind.UNKNOWN : ErrorKind.failureKindOf(first.code());
            if (first != null) {
                errorCode = String.valueOf(first.code());
                String title = first.title() != null ? first.title() : first.message();
                errorTitle = title == null ? null : Masking.excerpt(Masking.maskText(title), 200);
            }
        }
        try {
            return Optional.of(new DeliveryStatus(shop, CloudApiChannel.NAME, status.messageId(),
                    status.bizOpaqueCallbackData(), state, status.timestamp(), failure, errorCode, errorTitle));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(path, "could not become a delivery status: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static @Nullable DeliveryState state(StatusType status) {
        if (status.equals(StatusType.SENT)) {
            return DeliveryState.SENT;
        }
        if (status.equals(StatusType.DELIVERED)) {
            return DeliveryState.DELIVERED;
        }
        if (status.equals(StatusType.READ) || status.equals(StatusType.PLAYED)) {
            return DeliveryState.READ;
        }
        if (status.equals(StatusType.FAILED)) {
            return DeliveryState.FAILED;
        }
        return null;
    }

    private static Optional<MarketingPreference> preference(ShopId shop, UserPreference preference, String path,
            List<FieldError> problems) {
        boolean stop = preference.isMarketingStop();
        if (!stop && !preference.isMarketingResume()) {
            LOG.debug("WhatsApp: user preference {}/{} is not a marketing stop or resume; skipped",
                    Masking.excerpt(preference.category(), 40), Masking.excerpt(preference.value(), 20));
            return Optional.empty();
        }
        PhoneNumber customer = preference.user().phone();
        if (customer == null) {
            problems.add(new FieldError(path + ".wa_id", "the customer is known only by a business-scoped user id;"
                    + " a marketing " + (stop ? "stop" : "resume") + " needs a phone number and was left out"));
            return Optional.empty();
        }
        return Optional.of(new MarketingPreference(shop, CloudApiChannel.NAME, customer, stop,
                preference.timestamp()));
    }
}
