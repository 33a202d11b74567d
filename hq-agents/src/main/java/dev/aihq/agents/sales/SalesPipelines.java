package dev.aihq.agents.sales;

import dev.aihq.agents.ModelAgent;
import dev.aihq.agents.sales.guard.OtherShops;
import dev.aihq.agents.sales.selection.Candidate;
import dev.aihq.agents.sales.selection.CandidateSelector;
import dev.aihq.agents.sales.selection.CatalogIndex;
import dev.aihq.agents.sales.selection.CatalogIndexCache;
import dev.aihq.agents.sales.selection.CustomerProfile;
import dev.aihq.agents.sales.selection.CustomerScorer;
import dev.aihq.agents.tokens.TokenCounter;
import dev.aihq.api.channel.MessageCategory;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.event.PurchaseItem;
import dev.aihq.api.event.PurchaseTrigger;
import dev.aihq.api.result.OfferKind;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.shop.SalesSettings;
import dev.aihq.api.store.AgentTrace;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.CoPurchase;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationMessage;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.CustomerStats;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.Product;
import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.api.store.Purchase;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.pipeline.Agent;
import dev.aihq.pipeline.AgentOutput;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.ContextSource;
import dev.aihq.pipeline.PipelineListener;
import dev.aihq.pipeline.delivery.DeliveryPolicy;
import dev.aihq.pipeline.delivery.MessageDelivery;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Builds the sales agent's pipelines from shared parts:
 *
 * <ul>
 *   <li>{@link #purchase()}: {@code sales.purchase} for {@link PurchaseEvent}s (the seed's steps 1–10).
 *       The journal stage saves the purchase (step 4, "Save Purchase"); the required source
 *       {@code catalog} and the optional source {@code history} (the customer's earlier purchases,
 *       without this order) run in parallel; {@link OfferSelector} chooses the product by code; the
 *       agent writes the message with the model or fills the shop's template; {@link SalesOfferGuard}
 *       checks it; the message goes to the customer through the outbox and the channel when the shop's
 *       settings allow (send delay, quiet hours, frequency cap), keyed by the order so that a cancelled or
 *       returned order cancels it while it is pending ({@link Outbox#cancelByOrder}): a purchase event
 *       whose trigger is {@code order_cancelled} or {@code order_returned} saves no purchase, cancels the
 *       order's waiting messages in its journal stage and completes there. With a ledger
 *       ({@link Builder#ledger}) the journal stage also records the order's sales, or for a cancelled or
 *       returned order the reversal of its recorded sales, in the same unit of work.</li>
 *   <li>{@link #reply()}: {@code sales.reply} for {@link CustomerReplyEvent}s: the customer's recent
 *       purchases as context, the {@code reply} template as fallback, sent at once because the customer is
 *       waiting.</li>
 * </ul>
 *
 * <p>Build with {@link #builder()}; each call returns a new pipeline, not yet started.
 */
public final class SalesPipelines {

    /** How long a shop's own prompt template (or its absence) is reused before it is read again. */
    private static final Duration SHOP_PROMPT_TTL = Duration.ofSeconds(30);

    /** The purchase pipeline's name. */
    public static final String PURCHASE = "sales.purchase";
    /** The reply pipeline's name. */
    public static final String REPLY = "sales.reply";

    /**
     * The largest prompt the sales agent sends, in o200k tokens: the budget is 1,500 for a purchase
     * with ten candidates; the rest is room for long product names and a conversation. A larger one is not
     * sent (the template is used) and the run says why.
     */
    static final int MAX_PROMPT_TOKENS = 3_000;

    /** How long the list of the deployment's shops serves the guard. */
    private static final Duration OTHER_SHOPS_TTL = Duration.ofMinutes(10);

    /** How far back "frequently bought together" looks. */
    private static final Duration BOUGHT_TOGETHER_WINDOW = Duration.ofDays(365);
    /** How many co-purchased products the selector is given. */
    private static final int BOUGHT_TOGETHER_LIMIT = 20;
    /** How many earlier messages of the conversation an answer sees. */
    private static final int CONVERSATION_LIMIT = 12;
    private static final int HISTORY_LIMIT = 50;
    private static final int RECENT_LIMIT = 5;

    private final ShopStore shops;
    private final EventJournal journal;
    private final RunLog runLog;
    private final PurchaseStore purchases;
    private final CatalogStore catalog;
    private final Outbox outbox;
    private final TokenUsageStore tokenUsage;
    private final MessageChannel channel;
    private final @Nullable ChatModel chatModel;
    private final Clock clock;
    private final Duration catalogIndexTtl;
    private final CustomerScorer scorer = new CustomerScorer();
    private final CatalogIndexCache indexes;
    private final ModelAgent.Sleeper modelSleeper;
    /** The deployment's other shops: a message naming one is refused (another tenant's data). */
    private final OtherShops otherShops;
    /** The messaging rules of each shop's marketplace, from the connectors given; none without them. */
    private final ConnectorMessagingRules messagingRules;
    private final Executor executor;
    private final @Nullable Executor contextExecutor;
    private final Duration sourceDeadline;
    private final List<PipelineListener> listeners;
    private final @Nullable PromptTemplateStore promptTemplates;
    private final @Nullable SuppressionStore suppressions;
    private final @Nullable ConsentStore consents;
    private final @Nullable ConversationStore conversations;
    private final Transactions transactions;
    private final @Nullable SalesLedger ledger;
    private final @Nullable Duration runLease;
    private final @Nullable Duration recoveryInterval;
    private final int maxAttempts;

    private SalesPipelines(Builder b) {
        this.shops = Objects.requireNonNull(b.shops);
        this.journal = Objects.requireNonNull(b.journal);
        this.runLog = Objects.requireNonNull(b.runLog);
        this.purchases = Objects.requireNonNull(b.purchases);
        this.catalog = Objects.requireNonNull(b.catalog);
        this.outbox = Objects.requireNonNull(b.outbox);
        this.tokenUsage = Objects.requireNonNull(b.tokenUsage);
        this.channel = Objects.requireNonNull(b.channel);
        this.chatModel = b.chatModel;
        this.clock = b.clock;
        this.catalogIndexTtl = b.catalogIndexTtl;
        this.modelSleeper = b.modelSleeper;
        this.otherShops = new OtherShops(Objects.requireNonNull(b.shops), OTHER_SHOPS_TTL, b.clock);
        this.messagingRules = new ConnectorMessagingRules(b.connectors);
        this.indexes = new CatalogIndexCache(Objects.requireNonNull(b.catalog), b.catalogIndexTtl, b.clock);
        this.executor = Objects.requireNonNull(b.executor);
        this.contextExecutor = b.contextExecutor;
        this.sourceDeadline = b.sourceDeadline;
        this.listeners = List.copyOf(b.listeners);
        this.promptTemplates = b.promptTemplates;
        this.suppressions = b.suppressions;
        this.consents = b.consents;
        this.conversations = b.conversations;
        this.transactions = b.transactions;
        this.ledger = b.ledger == null ? null : new SalesLedger(b.ledger, Objects.requireNonNull(b.purchases));
        this.runLease = b.runLease;
        this.recoveryInterval = b.recoveryInterval;
        this.maxAttempts = b.maxAttempts;
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
     * Builds the {@code sales.purchase} pipeline.
     *
     * @return a new pipeline, not yet started
     */
    public AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchase() {
        ContextSource<PurchaseEvent, CatalogIndex> catalogSource = ContextSource.required("catalog", sourceDeadline,
                request -> indexes.get(request.shop().id(), request.shop().settings()));
        ContextSource<PurchaseEvent, Optional<CustomerStats>> statsSource = ContextSource.optional("customer",
                sourceDeadline, request -> request.event().customerContact().map(customer -> purchases.stats(
                        request.shop().id(), customer, request.event().orderId())));
        ContextSource<PurchaseEvent, List<CoPurchase>> togetherSource = ContextSource.optional("bought_together",
                sourceDeadline, request -> purchases.boughtTogether(request.shop().id(),
                        request.event().items().stream().map(PurchaseItem::sku).collect(Collectors.toSet()),
                        request.now().minus(BOUGHT_TOGETHER_WINDOW), BOUGHT_TOGETHER_LIMIT));
        ContextSource<PurchaseEvent, List<Purchase>> historySource = ContextSource.optional("history",
                sourceDeadline, request -> request.event().customerContact()
                        .map(customer -> purchases.findByCustomer(request.shop().id(), customer, HISTORY_LIMIT)
                                .stream()
                                .filter(p -> !p.orderId().equals(request.event().orderId()))
                                .toList())
                        .orElse(List.of()));
        SalesOfferGuard<PurchaseContext> purchaseGuard = SalesOfferGuard.forPurchases(channel.limits().maxTextLength(),
                otherShops, messagingRules);
        Map<SalesLanguage, ModelAgent<PurchaseContext, SalesOffer>> models = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            ModelAgent.Builder<PurchaseContext, SalesOffer> modelBuilder = ModelAgent
                    .<PurchaseContext, SalesOffer>builder()
                    .name(PURCHASE)
                    .chatModel(chatModel)
                    .systemPrompt(SalesPrompts.system(language))
                    .userPrompt(SalesPrompts.purchaseUser(language))
                    .variables(SalesPrompts::purchaseVariables)
                    .parser(new SalesOfferParser())
                    .fallback(input -> SalesMessages.purchaseOffer(input.context()))
                    .tokenUsage(tokenUsage)
                    .responseSchema(SalesOfferParser.SCHEMA)
                    // The guard's findings go back to the model once; a draft still wrong is replaced by the
                    // template, or held for a person when the shop says so.
                    .validator((context, offer) -> purchaseGuard.problems(context, offer, context.shop()))
                    .holdOnRejection(shop -> shop.settings().sales().holdRejectedForReview())
                    .tokenCounter(TokenCounter.o200k())
                    .maxPromptTokens(MAX_PROMPT_TOKENS)
                    .sleeper(modelSleeper);
            if (promptTemplates != null) {
                modelBuilder.shopPrompts(promptTemplates, SalesPrompts.SYSTEM_NAME, SalesPrompts.PURCHASE_USER_NAME,
                        SHOP_PROMPT_TTL);
            }
            models.put(language, modelBuilder.build());
        }
        // Without a contact nobody can receive the message: do not spend model tokens on it.
        Agent<PurchaseContext, SalesOffer> agent = input -> input.context().event().customer() == null
                ? new AgentOutput<>(SalesMessages.purchaseOffer(input.context()),
                        AgentTrace.fallback("no customer contact: the model is not asked"))
                : input.context().event().contactForDeliveryOnly()
                ? new AgentOutput<>(SalesMessages.purchaseOffer(input.context()),
                        AgentTrace.fallback("the contact is for delivery only: the model is not asked"))
                : models.get(SalesLanguage.of(input.shop())).run(input);
        AgentPipeline.Builder<PurchaseEvent, PurchaseContext, SalesOffer> b =
                AgentPipeline.<PurchaseEvent, PurchaseContext, SalesOffer>builder(PURCHASE)
                        // Runs lost with their process are resumed: saving the purchase and its outbox message
                        // (keyed by run id) are idempotent.
                        .resumes(PurchaseEvent.TYPE).eventClass(PurchaseEvent.class)
                        // A cancelled or returned order is not a sale: its pending messages are cancelled
                        // (in the journal's unit of work) and the run ends there. The ledger is written in the
                        // same unit: a sale, or the reversal of the order's recorded sales.
                        .recordEvent(event -> {
                            if (withdrawn(event)) {
                                outbox.cancelByOrder(event.shopId(), event.orderId().value());
                            } else {
                                purchases.save(Purchase.of(event));
                            }
                            if (ledger != null) {
                                ledger.record(event);
                            }
                        })
                        .endAfterRecording(event -> withdrawn(event)
                                ? Optional.of(Objects.requireNonNull(event.trigger()).code().replace('_', ' ')
                                        + ": the order's messages waiting in the outbox are cancelled, nothing is"
                                        + " sent")
                                : Optional.empty())
                        .source(catalogSource)
                        .source(historySource)
                        .source(statsSource)
                        .source(togetherSource)
                        .assembler((event, shop, gathered) -> {
                            CatalogIndex index = gathered.get(catalogSource);
                            List<Purchase> earlier = gathered.find(historySource).orElse(List.of());
                            // Stats missing (no contact, or the source failed) make the customer unknown.
                            CustomerStats stats = gathered.find(statsSource).flatMap(s -> s).orElse(null);
                            CustomerProfile profile = scorer.score(stats, event.occurredAt(), event.currency());
                            List<Candidate> candidates = new CandidateSelector(index).select(event, profile,
                                    gathered.find(togetherSource).orElse(List.of()));
                            List<Product> offerable = candidates.stream().flatMap(c -> c.products().stream())
                                    .distinct().toList();
                            Product first = candidates.isEmpty() ? null : candidates.get(0).product();
                            if (first == null && !hasRelations(shop.settings().sales())) {
                                // A shop that configured no category relations still gets an offer: the best
                                // margin, the bought category first (OfferSelector), as before relations existed.
                                first = OfferSelector.select(event, List.copyOf(index.products()), shop.settings());
                                offerable = first == null ? List.of() : List.of(first);
                            }
                            return new PurchaseContext(shop, event, offerable, earlier, earlier.isEmpty(), first,
                                    gathered.missing(), candidates, profile);
                        })
                        .agent(agent)
                        .guard(purchaseGuard)
                        .delivery(purchaseDelivery());
        return common(b).build();
    }

    /**
     * Builds the {@code sales.reply} pipeline.
     *
     * @return a new pipeline, not yet started
     */
    public AgentPipeline<CustomerReplyEvent, ReplyContext, SalesOffer> reply() {
        ContextSource<CustomerReplyEvent, List<Purchase>> recentSource = ContextSource.optional("history",
                sourceDeadline, request -> request.event().from() == null ? List.of()
                        : purchases.findByCustomer(request.shop().id(), request.event().from(), RECENT_LIMIT));
        SalesOfferGuard<ReplyContext> replyGuard = SalesOfferGuard.forReplies(channel.limits().maxTextLength(),
                otherShops, messagingRules);
        Map<SalesLanguage, ModelAgent<ReplyContext, SalesOffer>> answerers = new EnumMap<>(SalesLanguage.class);
        for (SalesLanguage language : SalesLanguage.values()) {
            ModelAgent.Builder<ReplyContext, SalesOffer> agentBuilder = ModelAgent.<ReplyContext, SalesOffer>builder()
                    .name(REPLY)
                    .chatModel(chatModel)
                    .systemPrompt(SalesPrompts.system(language))
                    .userPrompt(SalesPrompts.replyUser(language))
                    .variables(SalesPrompts::replyVariables)
                    .parser(new SalesOfferParser())
                    .fallback(input -> SalesMessages.replyOffer(input.context()))
                    .tokenUsage(tokenUsage)
                    .responseSchema(SalesOfferParser.SCHEMA)
                    .validator((context, offer) -> replyGuard.problems(context, offer, context.shop()))
                    .holdOnRejection(shop -> shop.settings().sales().holdRejectedForReview())
                    .tokenCounter(TokenCounter.o200k())
                    .maxPromptTokens(MAX_PROMPT_TOKENS)
                    .sleeper(modelSleeper);
            if (promptTemplates != null) {
                agentBuilder.shopPrompts(promptTemplates, SalesPrompts.SYSTEM_NAME, SalesPrompts.REPLY_USER_NAME,
                        SHOP_PROMPT_TTL);
            }
            answerers.put(language, agentBuilder.build());
        }
        // The customer's language when they write Kazakh, else the shop's.
        Agent<ReplyContext, SalesOffer> agent = input -> answerers.get(SalesLanguage.of(input.shop(),
                input.context().reply().text())).run(input);
        ContextSource<CustomerReplyEvent, List<ConversationMessage>> conversationSource = ContextSource.optional(
                "conversation", sourceDeadline, request -> request.event().from() == null || conversations == null
                        ? List.of()
                        : conversations.recent(request.shop().id(), request.event().from(), CONVERSATION_LIMIT)
                                .stream()
                                // The message being answered is the prompt's own part, not the history.
                                .filter(m -> !m.messageKey().endsWith(":" + request.event().providerMessageId()))
                                .toList());
        ContextSource<CustomerReplyEvent, CatalogIndex> replyCatalogSource = ContextSource.optional("catalog",
                sourceDeadline, request -> indexes.get(request.shop().id(), request.shop().settings()));
        AgentPipeline.Builder<CustomerReplyEvent, ReplyContext, SalesOffer> b =
                AgentPipeline.<CustomerReplyEvent, ReplyContext, SalesOffer>builder(REPLY)
                        .resumes(CustomerReplyEvent.TYPE).eventClass(CustomerReplyEvent.class)
                        .source(recentSource)
                        .source(conversationSource)
                        .source(replyCatalogSource)
                        .assembler((event, shop, gathered) -> {
                            List<Purchase> recent = gathered.find(recentSource).orElse(List.of());
                            List<Candidate> alternatives = gathered.find(replyCatalogSource)
                                    .map(index -> alternatives(index, recent))
                                    .orElse(List.of());
                            return new ReplyContext(shop, event, recent, gathered.missing(),
                                    gathered.find(conversationSource).orElse(List.of()), alternatives);
                        })
                        .agent(agent)
                        .guard(replyGuard)
                        .delivery(guarded(MessageDelivery.<CustomerReplyEvent, ReplyContext, SalesOffer>builder()
                                .channel(channel)
                                .outbox(outbox)
                                .policy(DeliveryPolicy.immediate())
                                .recipient(request -> Optional.ofNullable(request.event().from()))
                                // An answer inside the conversation the customer started.
                                .category(MessageCategory.SERVICE)
                                .text(SalesOffer::text)).build());
        return common(b).build();
    }

    /**
     * The purchase pipeline's delivery: the offer under the run's identity, the review request scheduled
     * for later under the order's, and the review request of a delivered order (see {@link PurchaseDelivery}).
     */
    private PurchaseDelivery purchaseDelivery() {
        MessageDelivery<PurchaseEvent, PurchaseContext, SalesOffer> offers = guarded(purchaseMessages()).build();
        MessageDelivery<PurchaseEvent, PurchaseContext, SalesOffer> delayedReviews = guarded(purchaseMessages())
                .identity(request -> PurchaseDelivery.delayedReviewIdentity(request.event()))
                .notBefore(request -> Optional.of(PurchaseDelivery.delayedReviewTime(request.event(),
                        request.shop().settings())))
                .build();
        MessageDelivery<PurchaseEvent, PurchaseContext, SalesOffer> deliveredReviews = guarded(purchaseMessages())
                .identity(request -> PurchaseDelivery.deliveredReviewIdentity(request.event()))
                .notBefore(request -> Optional.of(PurchaseDelivery.deliveredReviewTime(request.event(),
                        request.shop().settings(), purchases)))
                .build();
        return new PurchaseDelivery(offers, delayedReviews, deliveredReviews, outbox);
    }

    private MessageDelivery.Builder<PurchaseEvent, PurchaseContext, SalesOffer> purchaseMessages() {
        return MessageDelivery.<PurchaseEvent, PurchaseContext, SalesOffer>builder()
                .channel(channel)
                .outbox(outbox)
                .policy(DeliveryPolicy.shopSettings())
                .recipient(request -> request.event().customerContact())
                .orderKey(request -> Optional.of(request.event().orderId().value()))
                // An offer, or a review request with a discount, is marketing; a plain review request is
                // about the order the customer has.
                .category(request -> request.result().kind() == OfferKind.REVIEW_REQUEST
                        && request.result().discountPercent() == null ? MessageCategory.UTILITY
                        : MessageCategory.MARKETING)
                .text(SalesOffer::text);
    }

    /**
     * The alternatives an answer may offer: the candidates for the customer's latest purchase, as if it were
     * being made now (what goes with it, a pricier analogue, the repeat), or none when they bought nothing
     * here.
     */
    private List<Candidate> alternatives(CatalogIndex index, List<Purchase> recent) {
        if (recent.isEmpty()) {
            return List.of();
        }
        Purchase latest = recent.get(0);
        if (latest.items().isEmpty()) {
            return List.of();
        }
        PurchaseEvent again = PurchaseEvent.builder().shopId(latest.shopId()).orderId(latest.orderId())
                .items(latest.items()).occurredAt(latest.occurredAt()).build();
        return new CandidateSelector(index).select(again, CustomerProfile.unknown(), List.of());
    }

    /** Whether a shop said which categories go together (otherwise the margin fallback chooses). */
    private static boolean hasRelations(SalesSettings sales) {
        return !sales.complementaryCategories().isEmpty() || !sales.consumableCategories().isEmpty()
                || !sales.repeatPurchaseCategories().isEmpty();
    }

    /** Tells whether a purchase event reports its order cancelled or returned. */
    private static boolean withdrawn(PurchaseEvent event) {
        PurchaseTrigger trigger = event.trigger();
        return trigger != null && trigger.withdrawsOrder();
    }

    /** Adds the suppression list, consent and conversations to a delivery when they are configured. */
    private <E extends dev.aihq.api.event.HqEvent, C> MessageDelivery.Builder<E, C, SalesOffer> guarded(
            MessageDelivery.Builder<E, C, SalesOffer> delivery) {
        if (suppressions != null) {
            delivery.suppressions(suppressions);
        }
        if (consents != null) {
            delivery.consents(consents);
        }
        if (conversations != null) {
            delivery.conversations(conversations);
        }
        return delivery;
    }

    private <E extends dev.aihq.api.event.HqEvent, C> AgentPipeline.Builder<E, C, SalesOffer> common(
            AgentPipeline.Builder<E, C, SalesOffer> b) {
        b.shops(shops).journal(journal).runLog(runLog).transactions(transactions).clock(clock).executor(executor);
        if (contextExecutor != null) {
            b.contextExecutor(contextExecutor);
        }
        if (runLease != null) {
            b.runLease(runLease);
        }
        if (recoveryInterval != null) {
            b.recoveryInterval(recoveryInterval);
        }
        b.maxAttempts(maxAttempts);
        listeners.forEach(b::listener);
        return b;
    }

    /**
     * Builds {@link SalesPipelines}. Required: shops, journal, runLog, purchases, catalog, outbox,
     * tokenUsage, channel and executor; {@link #build()} reports every missing part at once. Not
     * thread-safe.
     */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable EventJournal journal;
        private @Nullable RunLog runLog;
        private @Nullable PurchaseStore purchases;
        private @Nullable CatalogStore catalog;
        private @Nullable Outbox outbox;
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable MessageChannel channel;
        private @Nullable ChatModel chatModel;
        private Clock clock = Clock.systemUTC();
        private Duration catalogIndexTtl = Duration.ofSeconds(60);
        private ModelAgent.Sleeper modelSleeper = ModelAgent.Sleeper.real();
        private @Nullable Executor executor;
        private @Nullable Executor contextExecutor;
        private Duration sourceDeadline = Duration.ofSeconds(5);
        private final List<PipelineListener> listeners = new ArrayList<>();
        private @Nullable PromptTemplateStore promptTemplates;
        private @Nullable SuppressionStore suppressions;
        private @Nullable ConsentStore consents;
        private @Nullable ConversationStore conversations;
        private Transactions transactions = Transactions.NONE;
        private @Nullable LedgerStore ledger;
        private @Nullable Duration runLease;
        private @Nullable Duration recoveryInterval;
        private int maxAttempts = AgentPipeline.DEFAULT_MAX_ATTEMPTS;
        private final List<MarketplaceConnector> connectors = new ArrayList<>();

        private Builder() {}

        /**
         * Sets the shop store (required).
         *
         * @param shops the store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = shops;
            return this;
        }

        /**
         * Sets the event journal (required).
         *
         * @param journal the journal
         * @return this builder
         */
        public Builder journal(EventJournal journal) {
            this.journal = journal;
            return this;
        }

        /**
         * Sets the run log (required).
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder runLog(RunLog runLog) {
            this.runLog = runLog;
            return this;
        }

        /**
         * Sets how the stores group writes into commits, e.g. {@code stores.transactions()}: with the JDBC
         * stores a purchase's journal entry, its saved purchase and its in-progress run record commit
         * together (see {@code AgentPipeline.Builder#transactions}). Defaults to {@link Transactions#NONE}.
         *
         * @param transactions the stores' transactions
         * @return this builder
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Sets the purchase store (required): purchases are saved there and histories read from it.
         *
         * @param purchases the store
         * @return this builder
         */
        public Builder purchases(PurchaseStore purchases) {
            this.purchases = purchases;
            return this;
        }

        /**
         * Records the shops' sales in a ledger for the accountant (optional; without it nothing is recorded).
         * The {@code sales.purchase} pipeline's journal stage writes, in the journal's unit of work: for a
         * purchase, one {@code SALE} per SKU keyed {@code sale:<order>:<sku>} (the event's lines of that SKU
         * summed, at the event's time); for {@code order_returned} a {@code RETURN} and for
         * {@code order_cancelled} a {@code CANCELLATION} of each recorded sale of the order, keyed
         * {@code return:<order>:<sku>} and {@code cancel:<order>:<sku>}, at the withdrawal's time, at most one
         * reversal per order and SKU, and none for an order whose sale was never recorded. Redelivered and
         * resumed events record nothing twice.
         *
         * @param ledger the ledger, e.g. {@code stores.ledger()}
         * @return this builder
         */
        public Builder ledger(LedgerStore ledger) {
            this.ledger = Objects.requireNonNull(ledger, "ledger");
            return this;
        }

        /**
         * Sets the catalog store (required).
         *
         * @param catalog the store
         * @return this builder
         */
        public Builder catalog(CatalogStore catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * Sets the outbox customer messages go through (required).
         *
         * @param outbox the outbox
         * @return this builder
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /**
         * Sets where model tokens are counted against shops' daily budgets (required).
         *
         * @param tokenUsage the store
         * @return this builder
         */
        public Builder tokenUsage(TokenUsageStore tokenUsage) {
            this.tokenUsage = tokenUsage;
            return this;
        }

        /**
         * Sets the channel messages go out on (required).
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(MessageChannel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * Sets the model, or none: without one the agents fill the shops' templates.
         *
         * @param chatModel any LangChain4j chat model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the clock; default the system UTC clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets the executor runs go on (required).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the executor context sources run on; by default each pipeline owns a cached pool.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder contextExecutor(Executor executor) {
            this.contextExecutor = executor;
            return this;
        }

        /**
         * Sets how long each context source may take; default 5 s.
         *
         * @param deadline the deadline, positive
         * @return this builder
         */
        public Builder sourceDeadline(Duration deadline) {
            this.sourceDeadline = deadline;
            return this;
        }

        /**
         * Adds a listener to every pipeline built.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a marketplace connector whose messaging rules the guard applies to the shops of its marketplace
         * ({@link MarketplaceConnector#messagingRules}). Without a connector for a shop's marketplace, no
         * marketplace rules apply to it (its forbidden phrases and the standing checks still do).
         *
         * @param connector the connector
         * @return this builder
         */
        public Builder connector(MarketplaceConnector connector) {
            connectors.add(Objects.requireNonNull(connector, "connector"));
            return this;
        }

        /**
         * Lets shops replace the shipped prompts with their own templates, named {@code sales-system},
         * {@code sales-purchase-user} and {@code sales-reply-user} in the store (same placeholders as the
         * shipped ones); read at most once per 30 s per shop. Without it the shipped prompts are used.
         *
         * @param store the shops' prompt templates
         * @return this builder
         */
        public Builder promptTemplates(PromptTemplateStore store) {
            this.promptTemplates = store;
            return this;
        }

        /**
         * Sets how the model agents wait between retries (a timeout, 429 or 5xx is retried twice with backoff);
         * default real sleep. Tests pass one that records the waits.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder modelSleeper(ModelAgent.Sleeper sleeper) {
            this.modelSleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Sets how long a shop's indexed catalog serves before it is read again (stock and prices may be that
         * much behind when offers are chosen; the outbox checks them again before an offer goes). Default 60 s;
         * zero reads the catalog for every purchase.
         *
         * @param ttl the time to live, zero or positive
         * @return this builder
         */
        public Builder catalogIndexTtl(Duration ttl) {
            if (ttl.isNegative()) {
                throw new IllegalArgumentException("catalog index ttl must not be negative, got " + ttl);
            }
            this.catalogIndexTtl = ttl;
            return this;
        }

        /**
         * Never writes to customers on this suppression list (they opted out); without one nobody is
         * skipped.
         *
         * @param store the suppression list
         * @return this builder
         */
        public Builder suppressions(SuppressionStore store) {
            this.suppressions = store;
            return this;
        }

        /**
         * Turns on consent-first offers: an offer to a customer who never said yes waits while the consent
         * question goes first, and opt-outs, declines and marketing stops are honoured (see
         * {@link MessageDelivery.Builder#consents}); without it offers go without consent checks.
         *
         * @param store the consent records
         * @return this builder
         */
        public Builder consents(ConsentStore store) {
            this.consents = Objects.requireNonNull(store, "consents");
            return this;
        }

        /**
         * Keeps every message sent in the customer's conversation and tells the channel when the customer
         * last wrote (its service window); without it the window counts as closed.
         *
         * @param store the conversations
         * @return this builder
         */
        public Builder conversations(ConversationStore store) {
            this.conversations = Objects.requireNonNull(store, "conversations");
            return this;
        }

        /**
         * Sets how long a run holds its journal entry before another worker may resume it (see
         * {@link AgentPipeline.Builder#runLease(Duration)}); default 10 min. A process that dies after
         * answering {@code 202} has its runs resumed about this long after it died.
         *
         * @param lease the lease, positive
         * @return this builder
         */
        public Builder runLease(Duration lease) {
            this.runLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets how often each pipeline renews the leases of its long runs and resumes runs whose lease
         * expired (see {@link AgentPipeline.Builder#recoveryInterval(Duration)}); default 30 s. Keep it
         * well below the run lease.
         *
         * @param interval the interval, zero (no recovery thread) or positive
         * @return this builder
         */
        public Builder recoveryInterval(Duration interval) {
            this.recoveryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets how many times a sales run may be started before it is given up (see
         * {@link AgentPipeline.Builder#maxAttempts(int)}); default {@value AgentPipeline#DEFAULT_MAX_ATTEMPTS}.
         *
         * @param attempts at least 1
         * @return this builder
         * @throws IllegalArgumentException when {@code attempts} is below 1
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Builds the factory.
         *
         * @return the factory
         * @throws ConfigurationException listing every missing part
         */
        public SalesPipelines build() {
            List<String> missing = new ArrayList<>();
            if (shops == null) {
                missing.add("shops");
            }
            if (journal == null) {
                missing.add("journal");
            }
            if (runLog == null) {
                missing.add("runLog");
            }
            if (purchases == null) {
                missing.add("purchases");
            }
            if (catalog == null) {
                missing.add("catalog");
            }
            if (outbox == null) {
                missing.add("outbox");
            }
            if (tokenUsage == null) {
                missing.add("tokenUsage");
            }
            if (channel == null) {
                missing.add("channel");
            }
            if (executor == null) {
                missing.add("executor");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("sales pipelines are missing " + String.join(", ", missing));
            }
            if (sourceDeadline.isNegative() || sourceDeadline.isZero()) {
                throw new ConfigurationException("sales pipelines' source deadline must be positive, got "
                        + sourceDeadline);
            }
            if (runLease != null && (runLease.isNegative() || runLease.isZero())) {
                throw new ConfigurationException("sales pipelines' run lease must be positive, got " + runLease);
            }
            if (recoveryInterval != null && recoveryInterval.isNegative()) {
                throw new ConfigurationException("sales pipelines' recovery interval must not be negative, got "
                        + recoveryInterval);
            }
            return new SalesPipelines(this);
        }
    }
}
