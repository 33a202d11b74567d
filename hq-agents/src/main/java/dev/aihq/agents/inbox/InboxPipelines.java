package dev.aihq.agents.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.PipelineBase;
import dev.aihq.agents.PromptTemplate;
import dev.aihq.agents.ResultParser;
import dev.aihq.agents.inbox.classify.ClassifierInput;
import dev.aihq.agents.inbox.classify.MessageClassifier;
import dev.aihq.agents.inbox.classify.ModelClassifier;
import dev.aihq.agents.inbox.classify.RuleClassifier;
import dev.aihq.agents.inbox.draft.ReplyChannel;
import dev.aihq.agents.inbox.draft.ReplyCheck;
import dev.aihq.agents.inbox.draft.ReplyTemplates;
import dev.aihq.agents.inbox.link.OrderLinker;
import dev.aihq.api.Marketplace;
import dev.aihq.api.ShopId;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.connector.MessagingRules;
import dev.aihq.api.connector.PublishedReply;
import dev.aihq.api.connector.ReplyTarget;
import dev.aihq.api.error.AgentException;
import dev.aihq.api.error.HqException;
import dev.aihq.api.error.StoreException;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.InboxItemKind;
import dev.aihq.api.event.InboxSender;
import dev.aihq.api.inbox.Classification;
import dev.aihq.api.inbox.InboxIntent;
import dev.aihq.api.inbox.InboxPriority;
import dev.aihq.api.inbox.Interaction;
import dev.aihq.api.inbox.InteractionMessage;
import dev.aihq.api.inbox.InteractionStatus;
import dev.aihq.api.inbox.ManagerNotification;
import dev.aihq.api.inbox.NotificationKind;
import dev.aihq.api.inbox.Notifier;
import dev.aihq.api.inbox.OrderLink;
import dev.aihq.api.inbox.ReplyOrigin;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.RunId;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.InboxSettings;
import dev.aihq.api.shop.Shop;
import dev.aihq.api.store.IndexedOrder;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.RunRecord;
import dev.aihq.api.store.StageRecord;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.http.Masking;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.DeliveryResult;
import dev.aihq.pipeline.GuardDecision;
import dev.aihq.pipeline.Stages;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unified inbox on the one pipeline: every {@link InboxEvent} (a review, a question or a chat message from the
 * Wildberries and Ozon pollers and Ozon's push route) becomes part of its {@link Interaction}, and a buyer's message
 * gets a classification, an SLA deadline and a guarded draft reply that waits in the review queue.
 *
 * <ol>
 *   <li><b>Journal</b> (every message, idempotently): the message joins the interaction's timeline in the
 *       {@link InteractionStore}, the product, the reply handle and the marketplace's order link are kept, and the
 *       state is derived again ({@link InteractionStates}). Our own replies seen on the marketplace (typed in the
 *       seller's cabinet) count as {@link ReplyOrigin#BY_HAND}; the echo of a reply this pipeline published is
 *       recognised by its text and kept once. The shop's and the marketplace's messages end here.</li>
 *   <li><b>Context</b> (a buyer's message): the message is classified once ({@link ModelClassifier}: a model with
 *       the rules as fallback), the order linked from the buyer's words when the marketplace gave no link
 *       ({@link OrderLinker}), the state derived with the new priority, and the manager notified
 *       ({@link Notifier}) when the message is critical or the interaction has just been escalated. The reply's
 *       template is chosen: a chat about an order with no link asks for the order number (the seed's workaround).</li>
 *   <li><b>Agent</b>: a model drafts the reply from the classification, the product, the order and the timeline
 *       (the buyer's words as delimited data); its draft passes the reply guard ({@link ReplyCheck}) or is repaired
 *       once, else the template is used. Without a model the template is the draft.</li>
 *   <li><b>Guard</b>: a reply the guard refuses is held with the reasons; a reply that needs a person (escalated,
 *       critical, a 1–2★ review unless the shop allows it, or every reply unless the shop publishes without
 *       approval: {@link InboxSettings}) is held for approval in the same review queue as the sales agent's
 *       ({@code AiHq#reviews()}); a person's approval or edit is checked by the guard again and published.</li>
 *   <li><b>Delivery</b>: the reply goes to the marketplace through the connector
 *       ({@link MarketplaceConnector#reply}) and joins the timeline with its origin (as drafted, edited); the
 *       interaction is answered. A reply that only asks for the order number does not count as resolving.</li>
 * </ol>
 * Results are {@link SalesOffer}s of kind {@link OfferKind#REPLY}. Build with {@link #builder()}.
 */
public final class InboxPipelines {

    /** The pipeline's name. */
    public static final String NAME = "inbox";

    /** The intents a chat needs its order for: asked for when unknown. */
    public static final Set<InboxIntent> ORDER_INTENTS = Set.of(InboxIntent.DELIVERY_PROBLEM,
            InboxIntent.RETURN_REFUND, InboxIntent.QUALITY_COMPLAINT, InboxIntent.WRONG_ITEM, InboxIntent.CHURN_RISK);

    /** How long after our published reply the same text seen on the marketplace counts as its echo. */
    public static final Duration ECHO_WINDOW = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(InboxPipelines.class);
    private static final String PROMPTS = "/dev/aihq/agents/prompts/";
    private static final Duration CONTEXT_DEADLINE = Duration.ofSeconds(90);
    private static final int UPDATE_ATTEMPTS = 8;
    private static final int TIMELINE_SHOWN = 12;
    private static final int EXCERPT = 300;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM HH:mm", Locale.ROOT);
    private static final JsonSchema REPLY_SCHEMA = JsonSchema.builder().name("inbox_reply")
            .rootElement(JsonObjectSchema.builder().addStringProperty("reply", "the reply to the buyer")
                    .required("reply").additionalProperties(false).build())
            .build();

    private final Builder b;
    private final PipelineBase base;
    private final InteractionStore store;
    private final @Nullable OrderLinker linker;
    private final ModelClassifier classifier;
    private final ReplyTemplates templates = ReplyTemplates.standard();
    private final ReplyCheck check = ReplyCheck.standard();
    private final Map<Marketplace, MarketplaceConnector> connectors;

    private InboxPipelines(Builder b) {
        this.b = b;
        this.base = Objects.requireNonNull(b.base, "base (shops, journal, run log)");
        this.store = Objects.requireNonNull(b.interactions, "interactions");
        this.linker = b.orderIndex == null ? null : new OrderLinker(b.orderIndex);
        this.classifier = ModelClassifier.builder().chatModel(b.chatModel).fallback(b.classifier)
                .tokenUsage(b.tokenUsage).clock(base.clock()).sleeper(b.modelSleeper).build();
        Map<Marketplace, MarketplaceConnector> byMarketplace = new HashMap<>();
        b.connectors.forEach(c -> byMarketplace.putIfAbsent(c.marketplace(), c));
        this.connectors = Map.copyOf(byMarketplace);
    }

    /**
     * Starts a builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds the pipeline (not started).
     *
     * @return the pipeline
     */
    public AgentPipeline<InboxEvent, InboxContext, SalesOffer> pipeline() {
        ContextSource<InboxEvent, InboxContext> inbox = ContextSource.required("inbox", CONTEXT_DEADLINE,
                request -> context(request.event(), request.shop(), request.runId()));
        ModelAgent<InboxContext, SalesOffer> drafter = drafter();
        AgentPipeline.Builder<InboxEvent, InboxContext, SalesOffer> pipeline =
                AgentPipeline.<InboxEvent, InboxContext, SalesOffer>builder(NAME)
                        .resumes(InboxEvent.TYPE_PREFIX).eventClass(InboxEvent.class)
                        .recordEvent(this::record)
                        .endAfterRecording(event -> event.sender() == InboxSender.BUYER ? Optional.empty()
                                : Optional.of(event.sender() == InboxSender.SELLER
                                        ? "recorded: a reply of the shop seen on the marketplace"
                                        : "recorded: a notice of the marketplace"))
                        .source(inbox)
                        .assembler((event, shop, gathered) -> gathered.get(inbox))
                        .agent(drafter)
                        .guard((context, offer, shop) -> guard(context, offer))
                        .delivery(request -> deliver(request.context(), request.result(), request.now()));
        base.applyTo(pipeline);
        return pipeline.build();
    }

    // ------------------------------------------------------------------------------------------------ journal

    /**
     * Records a message in its interaction: the journal stage's step, idempotent.
     *
     * @param event the message
     * @throws StoreException when the shop is unknown or the store fails
     */
    void record(InboxEvent event) {
        Shop shop = base.shops().find(event.shopId()).orElseThrow(() -> new StoreException("shop "
                + event.shopId() + " is not in the shop store"));
        String id = Interaction.idOf(event.marketplace(), event.kind(), event.threadId());
        List<InteractionMessage> timeline = store.messages(shop.id(), id);
        InteractionMessage message = message(event);
        if (!(event.sender() == InboxSender.SELLER && isEcho(message, timeline))) {
            store.addMessage(shop.id(), id, message);
        }
        update(shop, event, interaction -> {
            Interaction.Builder next = interaction.toBuilder();
            if (interaction.productId() == null) {
                next.productId(event.productId());
            }
            if (interaction.sellerSku() == null) {
                next.sellerSku(event.sellerSku());
            }
            if (interaction.productName() == null) {
                next.productName(event.productName());
            }
            if (event.replyHandle() != null) {
                next.replyHandle(event.replyHandle());
            }
            if (interaction.orderLink() == null && event.orderRef() != null && !event.orderRef().isBlank()) {
                next.orderLink(linkOf(shop, event));
            }
            return next.build();
        });
    }

    private OrderLink linkOf(Shop shop, InboxEvent event) {
        if (linker != null) {
            return linker.link(shop.id(), event.marketplace(), event.orderRef(), event.text(), event.occurredAt())
                    .orElseThrow().link();
        }
        return new OrderLink(Objects.requireNonNull(event.orderRef()), null,
                dev.aihq.api.inbox.OrderLinkSource.MARKETPLACE, event.occurredAt());
    }

    private static InteractionMessage message(InboxEvent event) {
        String text = event.text().length() > InteractionMessage.MAX_TEXT_LENGTH
                ? event.text().substring(0, InteractionMessage.MAX_TEXT_LENGTH) : event.text();
        return switch (event.sender()) {
            case SELLER -> InteractionMessage.reply(event.messageId(), text, event.occurredAt(), ReplyOrigin.BY_HAND,
                    true);
            case BUYER, MARKETPLACE -> InteractionMessage.incoming(event.messageId(), event.sender(), text,
                    event.rating(), event.occurredAt());
        };
    }

    /** Whether a reply seen on the marketplace is the echo of one this pipeline published (same text, close in time). */
    private static boolean isEcho(InteractionMessage seen, List<InteractionMessage> timeline) {
        String text = seen.text().strip();
        return timeline.stream().anyMatch(m -> m.sender() == InboxSender.SELLER && m.origin() != ReplyOrigin.BY_HAND
                && m.text().strip().equals(text)
                && Duration.between(m.at(), seen.at()).abs().compareTo(ECHO_WINDOW) <= 0);
    }

    /** Reads, changes, derives and saves an interaction, again on a version conflict. */
    private Interaction update(Shop shop, InboxEvent event, UnaryOperator<Interaction> change) {
        String id = Interaction.idOf(event.marketplace(), event.kind(), event.threadId());
        Instant now = base.clock().instant();
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            Interaction current = store.find(shop.id(), id).orElseGet(() -> fresh(event, now));
            Interaction derived = InteractionStates.derive(change.apply(current), store.messages(shop.id(), id),
                    shop.settings().inbox(), shop.zone(), now);
            Optional<Interaction> saved = store.save(derived);
            if (saved.isPresent()) {
                return saved.get();
            }
        }
        throw new StoreException("interaction " + id + " of shop " + shop.id() + " changed " + UPDATE_ATTEMPTS
                + " times while it was being saved; the run is tried again");
    }

    private static Interaction fresh(InboxEvent event, Instant now) {
        return Interaction.builder().shopId(event.shopId()).marketplace(event.marketplace()).kind(event.kind())
                .threadId(event.threadId()).status(InteractionStatus.ANSWERED).openedAt(event.occurredAt())
                .updatedAt(now).build();
    }

    // ------------------------------------------------------------------------------------------------ context

    /**
     * Gathers a buyer's message's context: classification (once), order link, state, notices, template.
     *
     * @param event the buyer's message
     * @param shop its shop
     * @param runId the run
     * @return the context
     */
    public InboxContext context(InboxEvent event, Shop shop, RunId runId) {
        String id = Interaction.idOf(event.marketplace(), event.kind(), event.threadId());
        Interaction interaction = store.find(shop.id(), id).orElseThrow(() -> new StoreException("interaction " + id
                + " of shop " + shop.id() + " was not recorded"));
        if (!event.messageId().equals(interaction.classifiedMessageId())) {
            Classification classification = classifier.classify(shop, new ClassifierInput(event.marketplace(),
                    event.kind(), event.text(), event.rating()), runId).classification();
            Optional<OrderLinker.Linked> linked = interaction.orderLink() != null ? Optional.empty()
                    : link(shop, event);
            UnaryOperator<Interaction> classify = current -> {
                Interaction.Builder next = current.toBuilder().classification(classification)
                        .classifiedMessageId(event.messageId());
                if (current.orderLink() == null) {
                    linked.ifPresent(l -> next.orderLink(l.link()));
                }
                return next.build();
            };
            Interaction preview = InteractionStates.derive(classify.apply(interaction),
                    store.messages(shop.id(), id), shop.settings().inbox(), shop.zone(), base.clock().instant());
            notifyManager(shop, event, preview);
            interaction = update(shop, event, classify);
        }
        List<InteractionMessage> timeline = store.messages(shop.id(), id);
        IndexedOrder order = interaction.orderLink() == null || linker == null ? null
                : linker.order(shop.id(), event.marketplace(), interaction.orderLink()).orElse(null);
        Classification classification = Objects.requireNonNull(interaction.effectiveClassification());
        boolean needsOrder = event.kind() == InboxItemKind.CHAT_MESSAGE && interaction.orderLink() == null
                && ORDER_INTENTS.contains(classification.intent());
        String orderRef = interaction.orderLink() == null ? null : interaction.orderLink().orderRef();
        String template = templates.write(event.kind(), ReplyTemplates.caseOf(event.kind(), classification.intent(),
                interaction.rating(), needsOrder), event.marketplace(), interaction.productName(), orderRef);
        MarketplaceConnector connector = connectors.get(event.marketplace());
        MessagingRules rules = connector == null ? MessagingRules.none() : connector.messagingRules(shop.id());
        return new InboxContext(event, shop, interaction, timeline, order, needsOrder,
                personReasons(shop.settings().inbox(), interaction, classification), review(shop.id(), runId),
                ReplyChannel.of(event.marketplace(), event.kind()), rules, template);
    }

    /**
     * Links a buyer's message without a link: the marketplace's answer when asked (Ozon's chat history), else the
     * order number the buyer wrote, looked up in the order index.
     */
    private Optional<OrderLinker.Linked> link(Shop shop, InboxEvent event) {
        MarketplaceConnector connector = connectors.get(event.marketplace());
        if (event.kind() == InboxItemKind.CHAT_MESSAGE && connector != null) {
            try {
                Optional<String> asked = connector.chatOrderRef(shop.id(), event.threadId());
                if (asked.isPresent()) {
                    return Optional.of(linker != null
                            ? linker.link(shop.id(), event.marketplace(), asked.get(), "", event.occurredAt())
                                    .orElseThrow()
                            : new OrderLinker.Linked(new OrderLink(asked.get(), null,
                                    dev.aihq.api.inbox.OrderLinkSource.MARKETPLACE, event.occurredAt()), null));
                }
            } catch (HqException e) {
                LOG.warn("The order of chat {} of shop {} could not be asked for: {}", event.threadId(), shop.id(),
                        e.getMessage());
            }
        }
        return linker == null ? Optional.empty()
                : linker.link(shop.id(), event.marketplace(), null, event.text(), event.occurredAt());
    }

    private void notifyManager(Shop shop, InboxEvent event, Interaction state) {
        Classification c = Objects.requireNonNull(state.effectiveClassification());
        String where = ReplyTemplates.displayName(event.marketplace()) + ", " + kindName(event.kind())
                + (state.productName() == null ? "" : " «" + abbreviate(state.productName(), 80) + "»");
        String excerpt = abbreviate(Masking.maskText(event.text()), EXCERPT);
        if (c.priority() == InboxPriority.CRITICAL) {
            b.notifier.send(new ManagerNotification("urgent:" + state.id() + ":" + event.messageId(), shop.id(),
                    NotificationKind.URGENT_MESSAGE, "Срочно: " + where, "Покупатель: «" + excerpt + "». Тема: "
                            + c.intent() + ", эмоция: " + c.emotion().wireValue() + ". Ответить до "
                            + deadline(shop, state) + ".", state.id(), state.productId(), c.priority(),
                    state.slaDeadline(), base.clock().instant()));
        }
        if (state.status() == InteractionStatus.ESCALATED && event.occurredAt().equals(state.escalatedAt())) {
            b.notifier.send(new ManagerNotification("escalation:" + state.id() + ":" + event.messageId(), shop.id(),
                    NotificationKind.ESCALATION, "Эскалация: " + where, "Покупатель написал "
                            + state.unansweredBuyerMessages() + " раза без решающего ответа. Последнее: «" + excerpt
                            + "». Ответить до " + deadline(shop, state) + ".", state.id(), state.productId(),
                    c.priority(), state.slaDeadline(), base.clock().instant()));
        }
    }

    private static String deadline(Shop shop, Interaction state) {
        return state.slaDeadline() == null ? "—" : TIME.format(state.slaDeadline().atZone(shop.zone()));
    }

    private static List<String> personReasons(InboxSettings settings, Interaction interaction, Classification c) {
        List<String> reasons = new ArrayList<>();
        if (interaction.status() == InteractionStatus.ESCALATED) {
            reasons.add("the interaction is escalated");
        }
        if (c.priority() == InboxPriority.CRITICAL) {
            reasons.add("the message is critical");
        }
        if (interaction.kind() == InboxItemKind.REVIEW && interaction.rating() != null && interaction.rating() <= 2
                && !settings.autoPublishNegativeReviews()) {
            reasons.add("a reply to a " + interaction.rating() + "-star review is published only after approval");
        }
        if (!settings.autoPublish()) {
            reasons.add("the shop approves every reply");
        }
        return reasons;
    }

    /** The reviewer's decision while it is being delivered: the last stage of the in-progress run, if a review. */
    private @Nullable String review(ShopId shopId, RunId runId) {
        Optional<RunRecord> run = base.runLog().find(shopId, runId);
        if (run.isEmpty() || !run.get().inProgress() || run.get().stages().isEmpty()) {
            return null;
        }
        StageRecord last = run.get().stages().get(run.get().stages().size() - 1);
        return last.name().equals(Stages.REVIEW) ? last.detail() : null;
    }

    // ------------------------------------------------------------------------------------------------ agent

    private ModelAgent<InboxContext, SalesOffer> drafter() {
        ModelAgent.Builder<InboxContext, SalesOffer> model = ModelAgent.<InboxContext, SalesOffer>builder()
                .name(NAME)
                .chatModel(b.chatModel)
                .systemPrompt(PromptTemplate.resource(PROMPTS + "inbox-reply-system.txt"))
                .userPrompt(PromptTemplate.resource(PROMPTS + "inbox-reply-user.txt"))
                .variables(InboxPipelines::promptVariables)
                .parser(InboxPipelines::parseReply)
                .fallback(input -> SalesOffer.builder(OfferKind.REPLY, input.context().template()).build())
                .responseSchema(REPLY_SCHEMA)
                .validator((context, offer) -> check.problems(offer.text(), request(context, null)))
                .clock(base.clock());
        if (b.tokenUsage != null) {
            model.tokenUsage(b.tokenUsage);
        }
        if (b.modelSleeper != null) {
            model.sleeper(b.modelSleeper);
        }
        return model.build();
    }

    /**
     * Returns the values the reply prompts are filled with for a context, e.g. to preview or measure a prompt.
     *
     * @param context the context
     * @return the values by placeholder
     */
    public static Map<String, String> promptVariables(InboxContext context) {
        Shop shop = context.shop();
        Interaction interaction = context.interaction();
        Classification c = context.classification();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("shop_name", shop.name());
        values.put("marketplace", ReplyTemplates.displayName(context.event().marketplace()));
        values.put("kind_description", switch (context.event().kind()) {
            case REVIEW -> "публичный ответ на отзыв о товаре (его увидят все покупатели)";
            case QUESTION -> "публичный ответ на вопрос о товаре на карточке";
            case CHAT_MESSAGE -> "сообщение в чате с покупателем";
        });
        values.put("tone", shop.settings().toneOfVoice());
        values.put("max_length", String.valueOf(context.channel().maxLength()));
        values.put("promises", shop.settings().sales().promises().isEmpty() ? "магазин ничего такого не обещает"
                : "магазин даёт: " + shop.settings().sales().promises().stream().map(p -> p.name()
                        .toLowerCase(Locale.ROOT)).sorted().toList());
        values.put("order_instruction", context.needsOrder()
                ? "- Номер заказа неизвестен: вежливо попроси покупателя написать номер заказа, чтобы помочь."
                : "");
        values.put("intent", c.intent().name());
        values.put("emotion", c.emotion().wireValue());
        values.put("priority", c.priority().wireValue());
        values.put("product", interaction.productName() == null ? "неизвестен" : interaction.productName());
        IndexedOrder order = context.order();
        values.put("order", interaction.orderLink() == null ? "неизвестен"
                : interaction.orderLink().orderRef() + (order == null ? "" : ", статус " + order.status()
                        + (order.productName() == null ? "" : ", товар " + order.productName())));
        values.put("rating", interaction.rating() == null ? "нет" : interaction.rating() + " из 5");
        values.put("timeline", timeline(context));
        values.put("template", context.template());
        return values;
    }

    private static String timeline(InboxContext context) {
        List<InteractionMessage> messages = context.timeline();
        List<String> lines = new ArrayList<>();
        for (InteractionMessage m : messages.subList(Math.max(0, messages.size() - TIMELINE_SHOWN), messages.size())) {
            String who = switch (m.sender()) {
                case BUYER -> "покупатель";
                case SELLER -> "магазин";
                case MARKETPLACE -> "маркетплейс";
            };
            lines.add(TIME.format(m.at().atZone(context.shop().zone())) + " " + who
                    + (m.rating() == null ? "" : " (" + m.rating() + "★)") + ": "
                    + abbreviate(m.text().replace("<<<", "").replace(">>>", ""), 1000));
        }
        return String.join("\n", lines);
    }

    private static SalesOffer parseReply(String modelText, SalesOffer draft) {
        JsonNode root = ResultParser.jsonObject(modelText, Set.of("reply"));
        if (!root.path("reply").isTextual()) {
            throw new AgentException("\"reply\" must be a string");
        }
        String reply = root.get("reply").asText().strip();
        if (reply.isEmpty()) {
            throw new AgentException("\"reply\" is empty");
        }
        return SalesOffer.builder(OfferKind.REPLY, reply).build();
    }

    private ReplyCheck.Request request(InboxContext context, @Nullable String systemPrompt) {
        return new ReplyCheck.Request(context.shop(), context.channel(), context.rules(), context.event().text(),
                systemPrompt, List.of());
    }

    // ------------------------------------------------------------------------------------------------ guard

    private GuardDecision<SalesOffer> guard(InboxContext context, SalesOffer offer) {
        List<String> problems = check.problems(offer.text(), request(context, null));
        if (!problems.isEmpty()) {
            return GuardDecision.hold(offer, "the reply needs a person: " + String.join("; ", problems));
        }
        if (context.review() == null && !context.personReasons().isEmpty()) {
            return GuardDecision.hold(offer, "waits for approval: " + String.join("; ", context.personReasons()));
        }
        return GuardDecision.accept(offer);
    }

    // ------------------------------------------------------------------------------------------------ delivery

    private DeliveryResult deliver(InboxContext context, SalesOffer offer, Instant now) {
        InboxEvent event = context.event();
        MarketplaceConnector connector = connectors.get(event.marketplace());
        if (connector == null) {
            return DeliveryResult.failed("no connector for " + event.marketplace().code() + " is registered: the"
                    + " reply cannot be published");
        }
        Interaction interaction = context.interaction();
        PublishedReply published;
        try {
            published = connector.reply(context.shop().id(), new ReplyTarget(event.kind(), event.threadId(),
                    interaction.replyHandle(), interaction.productId()), offer.text());
        } catch (HqException e) {
            LOG.warn("Inbox reply to {} of shop {} was not published: {}", interaction.id(), context.shop().id(),
                    e.getMessage());
            return DeliveryResult.failed("the marketplace did not take the reply: " + e.getMessage());
        }
        ReplyOrigin origin = context.review() != null && context.review().startsWith("edited")
                ? ReplyOrigin.DRAFT_EDITED : ReplyOrigin.DRAFT_AS_IS;
        // A reply cannot come before the message it answers: a marketplace clock behind ours would move the
        // interaction's opening back and take it out of its period's metrics, so such a stamp gives way to ours.
        Instant at = published.publishedAt().isBefore(event.occurredAt()) ? now : published.publishedAt();
        store.addMessage(context.shop().id(), interaction.id(), InteractionMessage.reply(published.messageId(),
                offer.text(), at, origin, !context.needsOrder()));
        update(context.shop(), event, UnaryOperator.identity());
        return DeliveryResult.sent(published.messageId(), "published on " + event.marketplace().code() + " ("
                + origin.wireValue() + ")");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String kindName(InboxItemKind kind) {
        return switch (kind) {
            case REVIEW -> "отзыв";
            case QUESTION -> "вопрос";
            case CHAT_MESSAGE -> "чат";
        };
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Builds {@link InboxPipelines}. Not thread-safe. */
    public static final class Builder {
        private @Nullable PipelineBase base;
        private @Nullable InteractionStore interactions;
        private @Nullable OrderIndexStore orderIndex;
        private final List<MarketplaceConnector> connectors = new ArrayList<>();
        private @Nullable ChatModel chatModel;
        private MessageClassifier classifier = RuleClassifier.standard();
        private Notifier notifier = Notifier.none();
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable ModelAgent.Sleeper modelSleeper;

        private Builder() {}

        /**
         * Sets the shops, journal, run log and the rest every pipeline runs on. Required.
         *
         * @param base the base
         * @return this builder
         */
        public Builder base(PipelineBase base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /**
         * Sets where interactions and their timelines are kept. Required.
         *
         * @param interactions the store
         * @return this builder
         */
        public Builder interactions(InteractionStore interactions) {
            this.interactions = Objects.requireNonNull(interactions, "interactions");
            return this;
        }

        /**
         * Sets the local order index, to link chats to orders and read their state. Without it, only the
         * marketplace's own link is kept and no order details reach the reply.
         *
         * @param orderIndex the index, or {@code null}
         * @return this builder
         */
        public Builder orderIndex(@Nullable OrderIndexStore orderIndex) {
            this.orderIndex = orderIndex;
            return this;
        }

        /**
         * Adds a marketplace's connector, which publishes the replies and gives its messaging rules.
         *
         * @param connector the connector
         * @return this builder
         */
        public Builder connector(MarketplaceConnector connector) {
            connectors.add(Objects.requireNonNull(connector, "connector"));
            return this;
        }

        /**
         * Sets the model that classifies messages and drafts replies; without one the rules classify and the
         * templates are the drafts.
         *
         * @param chatModel the model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the deterministic classifier, used without a model and when the model fails. Default
         * {@link RuleClassifier#standard()}.
         *
         * @param classifier the classifier
         * @return this builder
         */
        public Builder classifier(MessageClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /**
         * Sets where urgent messages and escalations are sent for the shop's manager. Default none.
         *
         * @param notifier the notifier
         * @return this builder
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /**
         * Sets where model tokens are counted per shop and day.
         *
         * @param tokenUsage the store, or {@code null}
         * @return this builder
         */
        public Builder tokenUsage(@Nullable TokenUsageStore tokenUsage) {
            this.tokenUsage = tokenUsage;
            return this;
        }

        /**
         * Sets how the model's retries wait; tests record instead of sleeping.
         *
         * @param sleeper the sleeper, or {@code null} for real waits
         * @return this builder
         */
        public Builder modelSleeper(@Nullable ModelAgent.Sleeper sleeper) {
            this.modelSleeper = sleeper;
            return this;
        }

        /**
         * Builds the pipelines.
         *
         * @return the pipelines
         * @throws NullPointerException naming the missing base or store
         */
        public InboxPipelines build() {
            return new InboxPipelines(this);
        }
    }
}
