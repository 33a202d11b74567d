package dev.aihq.agents;

import dev.aihq.agents.finance.agent.FinanceContext;
import dev.aihq.agents.finance.agent.FinancePipelines;
import dev.aihq.agents.finance.agent.TaxProfileProvider;
import dev.aihq.agents.finance.tax.TaxEngine;
import dev.aihq.agents.inbox.Inbox;
import dev.aihq.agents.inbox.InboxContext;
import dev.aihq.agents.inbox.InboxPipelines;
import dev.aihq.agents.inbox.InboxRoutes;
import dev.aihq.agents.legal.agent.LegalContext;
import dev.aihq.agents.legal.agent.LegalPipelines;
import dev.aihq.agents.legal.document.SellerDetailsProvider;
import dev.aihq.agents.legal.rules.LegalRules;
import dev.aihq.agents.review.ReviewQueue;
import dev.aihq.agents.sales.OfferRecheck;
import dev.aihq.agents.sales.PurchaseContext;
import dev.aihq.agents.sales.ReplyContext;
import dev.aihq.agents.sales.SalesPipelines;
import dev.aihq.api.PhoneNumber;
import dev.aihq.api.ShopId;
import dev.aihq.api.channel.ChannelSink;
import dev.aihq.api.channel.MessageChannel;
import dev.aihq.api.connector.EventSink;
import dev.aihq.api.connector.MarketplaceConnector;
import dev.aihq.api.document.DocumentLimits;
import dev.aihq.api.document.DocumentSource;
import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.InboxEvent;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.inbox.Notifier;
import dev.aihq.api.legal.KnowledgeBase;
import dev.aihq.api.result.FinanceReport;
import dev.aihq.api.result.LegalAssessment;
import dev.aihq.api.result.SalesOffer;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.ErasureReport;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.Stores;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import dev.aihq.api.web.WebhookRoute;
import dev.aihq.pipeline.AgentPipeline;
import dev.aihq.pipeline.PipelineEventSink;
import dev.aihq.pipeline.PipelineListener;
import dev.aihq.pipeline.Submission;
import dev.aihq.pipeline.delivery.OutboxDispatcher;
import dev.aihq.pipeline.inbound.ChannelTrafficRecorder;
import dev.aihq.pipeline.memory.CachingShopStore;
import dev.aihq.pipeline.retention.RetentionJob;
import dev.aihq.pipeline.web.ShopAuthenticator;
import dev.aihq.pipeline.web.WebhookFrontDoor;
import dev.aihq.pipeline.web.WebhookSecretProvider;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AI headquarters in one object: the sales agent's purchase and reply pipelines, the legal agent's and the
 * accountant's pipelines, the webhook front door with the channel's and connectors' inbound routes mounted, and
 * the outbox dispatcher that sends delayed messages.
 *
 * <pre>{@code
 * InMemoryStores stores = InMemoryStores.create();          // or your JDBC stores
 * try (AiHq hq = AiHq.builder()
 *         .stores(stores)
 *         .chatModel(openAiModel)                            // or null: shops' templates are sent
 *         .channel(whatsApp)
 *         .secrets(WebhookSecretProvider.of(Map.of(ShopId.of("kaspi_123"), secret)))
 *         .build()
 *         .start()) {
 *     WebhookResponse response = hq.frontDoor().handle(request);   // from your HTTP server
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@link #start()} starts the pipelines and the dispatcher's polling; {@link #close()}
 * stops accepting events, waits for runs in flight, stops the dispatcher and releases the threads AI HQ
 * owns. Thread-safe.
 */
public final class AiHq implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AiHq.class);

    /** The reason legal events are refused when AI HQ is built without a legal case store. */
    public static final String LEGAL_UNAVAILABLE = "the legal agent needs a legal case store: build AiHq with"
            + " stores(...) or legalCases(...)";
    /** The reason inbox events are refused when AI HQ is built without an interaction store. */
    public static final String INBOX_UNAVAILABLE = "the unified inbox needs an interaction store: build AiHq with"
            + " stores(...) or interactions(...)";

    /** The reason finance events are refused when AI HQ is built without a ledger. */
    public static final String FINANCE_UNAVAILABLE = "the accounting agent needs a ledger: build AiHq with stores(...)"
            + " or ledger(...)";

    private final AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchases;
    private final AgentPipeline<CustomerReplyEvent, ReplyContext, SalesOffer> replies;
    private final AgentPipeline<LegalEvent, ?, ?> legal;
    private final AgentPipeline<FinanceEvent, ?, ?> finance;
    private final AgentPipeline<InboxEvent, ?, ?> inbox;
    private final @Nullable Inbox unifiedInbox;
    private final WebhookFrontDoor frontDoor;
    private final OutboxDispatcher dispatcher;
    private final Outbox outbox;
    private final ChannelTrafficRecorder inbound;
    private final EventSink events;
    private final ReviewQueue reviews;
    private final @Nullable ExecutorService ownedExecutor;
    private final ShopStore shopStore;
    private final @Nullable PersonalDataStore personalData;
    private final boolean suppressing;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private boolean started;
    private boolean closed;

    private AiHq(Builder b, Executor executor, @Nullable ExecutorService ownedExecutor) {
        this.ownedExecutor = ownedExecutor;
        this.shopStore = Objects.requireNonNull(b.shops);
        this.outbox = Objects.requireNonNull(b.outbox);
        this.personalData = b.personalData;
        this.suppressing = b.suppressions != null;
        this.clock = b.clock;
        ShopStore shops = b.shopCacheTtl == null ? b.shops : new CachingShopStore(b.shops, b.shopCacheTtl, b.clock);
        SalesPipelines.Builder sales = SalesPipelines.builder()
                .shops(shops).journal(b.journal).runLog(b.runLog).transactions(b.transactions)
                .purchases(b.purchases).catalog(b.catalog)
                .outbox(b.outbox).tokenUsage(b.tokenUsage).channel(b.channel).chatModel(b.chatModel)
                .clock(b.clock).executor(executor);
        if (b.promptTemplates != null) {
            sales.promptTemplates(b.promptTemplates);
        }
        if (b.suppressions != null) {
            sales.suppressions(b.suppressions);
        }
        sales.consents(Objects.requireNonNull(b.consents));
        if (b.conversations != null) {
            sales.conversations(b.conversations);
        }
        if (b.ledger != null) {
            sales.ledger(b.ledger);
        }
        if (b.runLease != null) {
            sales.runLease(b.runLease);
        }
        if (b.recoveryInterval != null) {
            sales.recoveryInterval(b.recoveryInterval);
        }
        sales.maxAttempts(b.maxAttempts);
        b.listeners.forEach(sales::listener);
        b.connectors.forEach(sales::connector);
        SalesPipelines factory = sales.build();
        this.purchases = factory.purchase();
        this.replies = factory.reply();
        List<AgentPipeline<?, ?, SalesOffer>> reviewed = new ArrayList<>(List.of(purchases, replies));
        if (b.interactions != null) {
            AgentPipeline<InboxEvent, InboxContext, SalesOffer> inboxPipeline = inbox(b, shops, executor);
            reviewed.add(inboxPipeline);
            this.inbox = inboxPipeline;
            this.unifiedInbox = new Inbox(shops, b.interactions, b.orderIndex != null ? b.orderIndex
                    : new dev.aihq.pipeline.memory.InMemoryOrderIndexStore(), b.notifier, b.clock);
        } else {
            this.inbox = unavailable("inbox", INBOX_UNAVAILABLE, b, shops, executor);
            this.unifiedInbox = null;
        }
        this.reviews = new ReviewQueue(b.runLog, reviewed);
        this.legal = b.legalCases == null ? unavailable("legal", LEGAL_UNAVAILABLE, b, shops, executor)
                : lawyer(b, shops, executor);
        this.finance = b.ledger == null ? unavailable("finance", FINANCE_UNAVAILABLE, b, shops, executor)
                : accountant(b, shops, executor);
        this.events = PipelineEventSink.builder(Objects.requireNonNull(b.journal))
                .route(PurchaseEvent.class, purchases).route(CustomerReplyEvent.class, replies)
                .route(LegalEvent.class, legal).route(FinanceEvent.class, finance)
                .route(InboxEvent.class, inbox).build();
        ChannelTrafficRecorder.Builder inbound = ChannelTrafficRecorder.builder()
                .outbox(Objects.requireNonNull(b.outbox)).consents(b.consents).clock(b.clock)
                .replies(this::submitReply);
        if (b.suppressions != null) {
            inbound.suppressions(b.suppressions);
        }
        if (b.conversations != null) {
            inbound.conversations(b.conversations);
        }
        this.inbound = inbound.build();
        List<WebhookRoute> routes = new ArrayList<>(Objects.requireNonNull(b.channel).webhookRoutes(this.inbound));
        b.connectors.forEach(connector -> routes.addAll(connector.webhookRoutes()));
        if (unifiedInbox != null) {
            routes.addAll(new InboxRoutes(unifiedInbox, shops, new ShopAuthenticator(
                    Objects.requireNonNull(b.secrets, "secrets"))).routes());
        }
        routes.addAll(b.routes);
        this.frontDoor = WebhookFrontDoor.builder()
                .shops(shops).runLog(b.runLog).secrets(b.secrets)
                .purchases(purchases).legal(legal).finance(finance)
                .catalog(b.catalog).clock(b.clock).routes(routes)
                .build();
        OutboxDispatcher.Builder dispatcher = OutboxDispatcher.builder()
                .outbox(b.outbox).channel(b.channel).clock(b.clock).pollInterval(b.dispatchInterval);
        if (b.suppressions != null) {
            dispatcher.suppressions(b.suppressions);
        }
        dispatcher.consents(b.consents);
        // An offer that waited (for consent, for the morning) goes only if its products and prices still hold.
        dispatcher.sendCheck(new OfferRecheck(b.runLog, b.catalog));
        if (b.conversations != null) {
            dispatcher.conversations(b.conversations);
        }
        this.dispatcher = dispatcher.build();
    }

    /** Hands a customer's reply that is not a consent answer to the sales agent's reply pipeline. */
    private void submitReply(CustomerReplyEvent reply) {
        Submission submission = replies.submit(reply);
        if (submission.kind() == Submission.Kind.REJECTED) {
            LOG.warn("Reply {} of shop {} was not accepted: {}", reply.providerMessageId(), reply.shopId(),
                    submission.record() == null ? "rejected" : submission.record().reason());
        }
    }

    private static AgentPipeline<FinanceEvent, FinanceContext, FinanceReport> accountant(Builder b, ShopStore shops,
            Executor executor) {
        FinancePipelines.Builder finance = FinancePipelines.builder()
                .shops(shops).journal(Objects.requireNonNull(b.journal)).runLog(Objects.requireNonNull(b.runLog))
                .transactions(b.transactions).ledger(Objects.requireNonNull(b.ledger))
                .catalog(Objects.requireNonNull(b.catalog)).chatModel(b.chatModel).clock(b.clock).executor(executor)
                .taxProfiles(b.taxProfiles).maxAttempts(b.maxAttempts);
        if (b.runLease != null) {
            finance.runLease(b.runLease);
        }
        if (b.recoveryInterval != null) {
            finance.recoveryInterval(b.recoveryInterval);
        }
        if (b.purchases != null) {
            finance.purchases(b.purchases);
        }
        if (b.tokenUsage != null) {
            finance.tokenUsage(b.tokenUsage);
        }
        if (b.taxEngine != null) {
            finance.taxEngine(b.taxEngine);
        }
        b.listeners.forEach(finance::listener);
        return finance.build().pipeline();
    }

    private static AgentPipeline<InboxEvent, InboxContext, SalesOffer> inbox(Builder b, ShopStore shops,
            Executor executor) {
        PipelineBase base = new PipelineBase(shops, Objects.requireNonNull(b.journal),
                Objects.requireNonNull(b.runLog), b.transactions, b.clock, executor, b.runLease, b.recoveryInterval,
                b.maxAttempts, b.listeners);
        InboxPipelines.Builder inbox = InboxPipelines.builder().base(base)
                .interactions(Objects.requireNonNull(b.interactions)).orderIndex(b.orderIndex)
                .chatModel(b.chatModel).notifier(b.notifier).tokenUsage(b.tokenUsage);
        b.connectors.forEach(inbox::connector);
        return inbox.build().pipeline();
    }

    private static AgentPipeline<LegalEvent, LegalContext, LegalAssessment> lawyer(Builder b, ShopStore shops,
            Executor executor) {
        LegalPipelines.Builder legal = LegalPipelines.builder()
                .shops(shops).journal(Objects.requireNonNull(b.journal)).runLog(Objects.requireNonNull(b.runLog))
                .transactions(b.transactions).cases(Objects.requireNonNull(b.legalCases)).chatModel(b.chatModel)
                .clock(b.clock).executor(executor).maxAttempts(b.maxAttempts)
                .documents(b.documents).sellerDetails(b.sellerDetails);
        if (b.tokenUsage != null) {
            legal.tokenUsage(b.tokenUsage);
        }
        if (b.knowledgeBase != null) {
            legal.knowledgeBase(b.knowledgeBase);
        }
        if (b.legalRules != null) {
            legal.rules(b.legalRules);
        }
        if (b.documentLimits != null) {
            legal.documentLimits(b.documentLimits);
        }
        if (b.runLease != null) {
            legal.runLease(b.runLease);
        }
        if (b.recoveryInterval != null) {
            legal.recoveryInterval(b.recoveryInterval);
        }
        b.listeners.forEach(legal::listener);
        return legal.build().pipeline();
    }

    private static <E extends dev.aihq.api.event.HqEvent> AgentPipeline<E, Object, Object> unavailable(String name,
            String reason, Builder b, ShopStore shops, Executor executor) {
        AgentPipeline.Builder<E, Object, Object> pipeline = AgentPipeline.<E, Object, Object>builder(name)
                .shops(shops).journal(b.journal).runLog(b.runLog).transactions(b.transactions).clock(b.clock)
                .executor(executor).unavailable(reason);
        b.listeners.forEach(pipeline::listener);
        return pipeline.build();
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
     * Starts the pipelines and the outbox dispatcher's polling. Calling it again has no effect.
     *
     * @return this
     * @throws IllegalStateException after {@link #close()}
     */
    public AiHq start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("AI HQ is closed and cannot start again; build a new one");
            }
            if (!started) {
                purchases.start();
                replies.start();
                legal.start();
                finance.start();
                inbox.start();
                dispatcher.start();
                started = true;
            }
        }
        return this;
    }

    /**
     * Stops gracefully: the pipelines stop accepting events and wait for runs in flight (each up to its
     * drain timeout), the dispatcher finishes its pass, and the executor AI HQ owns is shut down. Calling
     * it again has no effect.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<AgentPipeline<?, ?, ?>> all = List.of(purchases, replies, legal, finance, inbox);
        all.forEach(AgentPipeline::stop);
        all.forEach(AgentPipeline::close);
        dispatcher.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
            try {
                if (!ownedExecutor.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("AI HQ's run threads did not finish within 30 s of closing");
                    ownedExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                ownedExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns the webhook front door to mount in an HTTP server.
     *
     * @return the front door
     */
    public WebhookFrontDoor frontDoor() {
        return frontDoor;
    }

    /**
     * Returns the sales agent's purchase pipeline ({@code sales.purchase}).
     *
     * @return the pipeline
     */
    public AgentPipeline<PurchaseEvent, PurchaseContext, SalesOffer> purchases() {
        return purchases;
    }

    /**
     * Returns the sales agent's pipeline for customers' replies ({@code sales.reply}), for channels'
     * inbound routes to submit to.
     *
     * @return the pipeline
     */
    public AgentPipeline<CustomerReplyEvent, ReplyContext, SalesOffer> replies() {
        return replies;
    }

    /**
     * Returns the unified inbox: the work queue, timelines, corrections, metrics and quality alerts. Its metrics and
     * queue are also served by the front door ({@link InboxRoutes}).
     *
     * @return the inbox
     * @throws IllegalStateException when AI HQ was built without an interaction store ({@link #INBOX_UNAVAILABLE})
     */
    public Inbox unifiedInbox() {
        if (unifiedInbox == null) {
            throw new IllegalStateException(INBOX_UNAVAILABLE);
        }
        return unifiedInbox;
    }

    /**
     * Returns the inbox pipeline; without an interaction store it refuses events with {@link #INBOX_UNAVAILABLE}.
     *
     * @return the pipeline
     */
    public AgentPipeline<InboxEvent, ?, ?> inbox() {
        return inbox;
    }

    /**
     * Returns the legal pipeline; without a legal case store it refuses events with {@link #LEGAL_UNAVAILABLE}.
     *
     * @return the pipeline
     */
    public AgentPipeline<LegalEvent, ?, ?> legal() {
        return legal;
    }

    /**
     * Returns the accounting pipeline ({@link FinancePipelines}); without a ledger it refuses events with
     * {@link #FINANCE_UNAVAILABLE}.
     *
     * @return the pipeline
     */
    public AgentPipeline<FinanceEvent, ?, ?> finance() {
        return finance;
    }

    /**
     * Returns where the channel's webhook routes hand what they receive (replies, status reports, marketing
     * preferences); for channels whose inbound traffic arrives another way (polling) to hand it over too.
     *
     * @return the sink
     */
    public ChannelSink inbound() {
        return inbound;
    }

    /**
     * Returns where event sources that poll (the Kaspi order poller) hand what they read: purchase events to
     * the sales agent's purchase pipeline, customers' replies to its reply pipeline, legal and finance
     * events to theirs. An event is journaled before {@link EventSink#accept} returns.
     *
     * @return the sink
     */
    public EventSink events() {
        return events;
    }

    /**
     * Returns the human review queue: the sales agent's drafts held for a person, and the reviewers'
     * approvals, edits and rejections (each delivered at most once, each in the run log).
     *
     * @return the queue
     */
    public ReviewQueue reviews() {
        return reviews;
    }

    /**
     * Returns the outbox dispatcher, e.g. to run {@link OutboxDispatcher#dispatchDue()} by hand.
     *
     * @return the dispatcher
     */
    public OutboxDispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * Erases a customer of a shop everywhere in the stores, keeping the shop's purchase totals, and puts the
     * customer on the suppression list for good: see {@link PersonalDataStore} for what is deleted, what is
     * anonymised and what is kept. A later order of the customer is stored like any order, but nothing is
     * sent to them. Idempotent.
     *
     * @param shopId the shop
     * @param customer the customer's number
     * @param name the customer's name as the shop knows it, to clean from texts, or {@code null}
     * @return what was erased
     * @throws ConfigurationException when AI HQ has no personal data store (set by {@link Builder#stores} or
     *     {@link Builder#personalData}) or no {@link Builder#suppressions suppression list}: without the list
     *     the pipelines would write to the erased customer again; nothing is changed then
     * @throws IllegalArgumentException when the name is blank or shorter than 2 characters
     */
    public ErasureReport erase(ShopId shopId, PhoneNumber customer, @Nullable String name) {
        PersonalDataStore store = requirePersonalData("erase a customer");
        if (!suppressing) {
            throw new ConfigurationException("AI HQ cannot erase a customer without a suppression list: an erased"
                    + " customer must never be written to again. Set AiHq.Builder#suppressions (e.g."
                    + " stores.suppressions()); nothing was erased");
        }
        ErasureReport report = store.erase(shopId, customer, name, clock.instant());
        LOG.info("Erased customer {} of shop {}: {} journal entries, {} purchases made anonymous, {} runs, {} outbox"
                + " messages, {} conversation messages", customer.masked(), shopId, report.journalEntries(),
                report.purchases(), report.runs(), report.outboxMessages(), report.conversationMessages());
        return report;
    }

    /**
     * Returns the retention job over AI HQ's shops and personal data store, on AI HQ's clock: run it with
     * {@link RetentionJob#runOnce()} from your scheduler, or {@link RetentionJob#schedule} it on a
     * {@code ScheduledExecutorService} you own (once a day is plenty). It also drops the offers that waited
     * for the customer's consent longer than the shop's consent expiry.
     *
     * @return a new job
     * @throws ConfigurationException when AI HQ has no personal data store
     */
    public RetentionJob retentionJob() {
        return RetentionJob.builder().shops(shopStore).personalData(requirePersonalData("purge for retention"))
                .outbox(outbox).clock(clock).build();
    }

    private PersonalDataStore requirePersonalData(String what) {
        if (personalData == null) {
            throw new ConfigurationException("AI HQ needs a personal data store to " + what + ": set"
                    + " AiHq.Builder#stores or AiHq.Builder#personalData");
        }
        return personalData;
    }

    /**
     * Builds {@link AiHq}. Required: every store (from {@link #stores(Stores)} or one by one), a
     * {@link #channel(MessageChannel) channel} and the webhook {@link #secrets(WebhookSecretProvider)
     * secrets}; {@link #build()} reports every missing part at once. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable ShopStore shops;
        private @Nullable Duration shopCacheTtl;
        private @Nullable PromptTemplateStore promptTemplates;
        private @Nullable SuppressionStore suppressions;
        private @Nullable ConsentStore consents;
        private @Nullable ConversationStore conversations;
        private @Nullable PersonalDataStore personalData;
        private @Nullable EventJournal journal;
        private @Nullable PurchaseStore purchases;
        private @Nullable LedgerStore ledger;
        private @Nullable LegalCaseStore legalCases;
        private @Nullable InteractionStore interactions;
        private @Nullable OrderIndexStore orderIndex;
        private Notifier notifier = Notifier.none();
        private @Nullable KnowledgeBase knowledgeBase;
        private @Nullable LegalRules legalRules;
        private DocumentSource documents = DocumentSource.none();
        private @Nullable DocumentLimits documentLimits;
        private SellerDetailsProvider sellerDetails = SellerDetailsProvider.none();
        private TaxProfileProvider taxProfiles = TaxProfileProvider.none();
        private @Nullable TaxEngine taxEngine;
        private @Nullable CatalogStore catalog;
        private @Nullable RunLog runLog;
        private Transactions transactions = Transactions.NONE;
        private @Nullable Outbox outbox;
        private @Nullable TokenUsageStore tokenUsage;
        private @Nullable ChatModel chatModel;
        private @Nullable MessageChannel channel;
        private @Nullable WebhookSecretProvider secrets;
        private Clock clock = Clock.systemUTC();
        private @Nullable Executor executor;
        private Duration dispatchInterval = Duration.ofSeconds(1);
        private @Nullable Duration runLease;
        private @Nullable Duration recoveryInterval;
        private int maxAttempts = AgentPipeline.DEFAULT_MAX_ATTEMPTS;
        private final List<WebhookRoute> routes = new ArrayList<>();
        private final List<MarketplaceConnector> connectors = new ArrayList<>();
        private final List<PipelineListener> listeners = new ArrayList<>();

        private Builder() {}

        /**
         * Uses every store of a bundle: the JDBC stores ({@code JdbcStores} of hq-store-jdbc) or the
         * in-memory ones (tests, demos). Individual setters called afterwards replace single stores.
         *
         * @param stores the stores
         * @return this builder
         */
        public Builder stores(Stores stores) {
            shops = stores.shops();
            journal = stores.journal();
            purchases = stores.purchases();
            catalog = stores.catalog();
            runLog = stores.runLog();
            transactions = stores.transactions();
            outbox = stores.outbox();
            tokenUsage = stores.tokenUsage();
            promptTemplates = stores.promptTemplates();
            personalData = stores.personalData();
            consents = stores.consents();
            conversations = stores.conversations();
            ledger = stores.ledger();
            legalCases = stores.legalCases();
            interactions = stores.interactions();
            orderIndex = stores.orderIndex();
            return this;
        }

        /**
         * Sets customers' consent records (required; {@link #stores(Stores)} sets it). Offers are
         * consent-first: an offer to a customer who never said yes waits while the consent question goes
         * first; a yes releases it, a no or a marketing stop cancels it, an opt-out ends every message. To
         * honour consent collected elsewhere, record it with {@link ConsentStore#apply} and
         * {@link dev.aihq.api.store.ConsentEvent#GRANTED}.
         *
         * @param store the consent records
         * @return this builder
         */
        public Builder consents(ConsentStore store) {
            this.consents = store;
            return this;
        }

        /**
         * Sets the conversations with customers ({@link #stores(Stores)} sets it): replies and sent messages
         * are kept there, and the channel learns from them whether the customer's service window is open.
         * Without them every message counts as outside the window.
         *
         * @param store the conversations
         * @return this builder
         */
        public Builder conversations(ConversationStore store) {
            this.conversations = store;
            return this;
        }

        /**
         * Sets the store {@link AiHq#erase} and the {@link AiHq#retentionJob() retention job} work on
         * ({@link #stores(Stores)} sets it too).
         *
         * @param store the personal data store
         * @return this builder
         */
        public Builder personalData(PersonalDataStore store) {
            this.personalData = store;
            return this;
        }

        /**
         * Sets the shop store.
         *
         * @param shops the store
         * @return this builder
         */
        public Builder shops(ShopStore shops) {
            this.shops = shops;
            return this;
        }

        /**
         * Sets the event journal.
         *
         * @param journal the journal
         * @return this builder
         */
        public Builder journal(EventJournal journal) {
            this.journal = journal;
            return this;
        }

        /**
         * Sets the purchase store.
         *
         * @param purchases the store
         * @return this builder
         */
        public Builder purchases(PurchaseStore purchases) {
            this.purchases = purchases;
            return this;
        }

        /**
         * Sets where the accountant finds each shop's location rate, employees and contributions. Default none
         * known: base rates, no employees, the engine's documented default contributions.
         *
         * @param profiles the provider
         * @return this builder
         */
        public Builder taxProfiles(TaxProfileProvider profiles) {
            this.taxProfiles = Objects.requireNonNull(profiles, "profiles");
            return this;
        }

        /**
         * Sets the accountant's tax engine. Default {@link TaxEngine#shipped()}.
         *
         * @param engine the engine
         * @return this builder
         */
        public Builder taxEngine(TaxEngine engine) {
            this.taxEngine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * Sets the ledger: the sales pipeline records sales, returns and cancellations in it, and the accountant
         * computes the P&amp;L from it ({@link #stores(Stores)} sets it). Without a ledger nothing is recorded and
         * finance events are refused with {@link #FINANCE_UNAVAILABLE}. See
         * {@link SalesPipelines.Builder#ledger(LedgerStore)}.
         *
         * @param ledger the ledger
         * @return this builder
         */
        public Builder ledger(LedgerStore ledger) {
            this.ledger = ledger;
            return this;
        }

        /**
         * Sets where the legal agent keeps each assessment with its event and reads the shop's fine history and
         * the marketplace's answers from ({@link #stores(Stores)} sets it). Without it legal events are refused
         * with {@link #LEGAL_UNAVAILABLE}.
         *
         * @param store the legal case store
         * @return this builder
         */
        public Builder legalCases(LegalCaseStore store) {
            this.legalCases = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets where the unified inbox keeps interactions and their timelines ({@link #stores(Stores)} sets it).
         * Without it inbox events are refused with {@link #INBOX_UNAVAILABLE}.
         *
         * @param store the interaction store
         * @return this builder
         */
        public Builder interactions(InteractionStore store) {
            this.interactions = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the local order index the inbox links chats to orders with ({@link #stores(Stores)} sets it).
         *
         * @param store the order index
         * @return this builder
         */
        public Builder orderIndex(OrderIndexStore store) {
            this.orderIndex = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets where the inbox sends urgent messages, escalations and quality alerts for the shop's manager, e.g. a
         * {@code WebhookNotifier}. Default none.
         *
         * @param notifier the notifier
         * @return this builder
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /**
         * Sets the legal knowledge base, e.g. the shipped one with the shops' own documents added
         * ({@code ShippedKnowledgeBase.shipped().withDocuments(shop, entries)}). Default the shipped corpus.
         *
         * @param knowledgeBase the knowledge base
         * @return this builder
         */
        public Builder knowledgeBase(KnowledgeBase knowledgeBase) {
            this.knowledgeBase = Objects.requireNonNull(knowledgeBase, "knowledgeBase");
            return this;
        }

        /**
         * Sets the legal rule layer, e.g. with the shops' internal answer targets. Default
         * {@link LegalRules#shipped()}.
         *
         * @param rules the rule layer
         * @return this builder
         */
        public Builder legalRules(LegalRules rules) {
            this.legalRules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * Sets where the documents that legal events name are read. Default {@link DocumentSource#none()}: only
         * documents sent with their text are used; a name alone is reported in the assessment as not found.
         *
         * @param source the document source
         * @return this builder
         */
        public Builder documents(DocumentSource source) {
            this.documents = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets the size limits of a legal event's documents. Default {@link DocumentLimits#defaults()}.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder documentLimits(DocumentLimits limits) {
            this.documentLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets where the sellers' requisites (legal name, БИН/ИИН or ИНН/ОГРН, signatory) for the legal
         * documents' headers come from. Default none: the headers keep placeholders to fill in.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder sellerDetails(SellerDetailsProvider provider) {
            this.sellerDetails = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Sets the catalog store.
         *
         * @param catalog the store
         * @return this builder
         */
        public Builder catalog(CatalogStore catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * Sets the run log.
         *
         * @param runLog the run log
         * @return this builder
         */
        public Builder runLog(RunLog runLog) {
            this.runLog = runLog;
            return this;
        }

        /**
         * Sets how the stores group writes into commits ({@link #stores(Stores)} sets it too). Defaults to
         * {@link Transactions#NONE}, each write on its own.
         *
         * @param transactions the stores' transactions, e.g. {@code jdbcStores.transactions()}
         * @return this builder
         */
        public Builder transactions(Transactions transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Sets the outbox.
         *
         * @param outbox the outbox
         * @return this builder
         */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /**
         * Sets the token usage store.
         *
         * @param tokenUsage the store
         * @return this builder
         */
        public Builder tokenUsage(TokenUsageStore tokenUsage) {
            this.tokenUsage = tokenUsage;
            return this;
        }

        /**
         * Sets the model, or none: without one the agents send the shops' templates filled in by code.
         *
         * @param chatModel any LangChain4j chat model, or {@code null}
         * @return this builder
         */
        public Builder chatModel(@Nullable ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /**
         * Sets the channel customer messages go out on (required); its inbound routes are mounted on the
         * front door.
         *
         * @param channel the channel
         * @return this builder
         */
        public Builder channel(MessageChannel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * Sets the shops' webhook secrets (required).
         *
         * @param secrets the provider
         * @return this builder
         */
        public Builder secrets(WebhookSecretProvider secrets) {
            this.secrets = secrets;
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
         * Sets the executor runs go on; the caller keeps owning it. By default AI HQ owns a fixed pool with
         * one thread per available processor and shuts it down on {@link AiHq#close()}.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets how often the dispatcher looks for due messages; default 1 s.
         *
         * @param interval the interval, positive
         * @return this builder
         */
        public Builder dispatchInterval(Duration interval) {
            this.dispatchInterval = interval;
            return this;
        }

        /**
         * Sets how long a sales run holds its journal entry; when the process dies mid-run (after the
         * front door answered {@code 202}), another instance, or this one restarted, resumes the run about
         * this long later. Default 10 min; make it longer than runs take (long runs renew it).
         *
         * @param lease the lease, positive
         * @return this builder
         */
        public Builder runLease(Duration lease) {
            this.runLease = Objects.requireNonNull(lease, "lease");
            return this;
        }

        /**
         * Sets how often the sales pipelines renew their long runs' leases and look for runs to resume;
         * default 30 s. Keep it well below the run lease.
         *
         * @param interval the interval, zero (resume only by calling
         *     {@link AgentPipeline#resumeExpired()}) or positive
         * @return this builder
         */
        public Builder recoveryInterval(Duration interval) {
            this.recoveryInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Sets how many times a sales run may be started before it is given up: a run whose process keeps
         * dying on it ends FAILED instead of being resumed forever (see
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
         * Remembers each shop read at the gate and the front door for a while instead of reading it for
         * every event (with a database store, one round trip per event less). A change saved elsewhere is
         * seen after at most {@code ttl}; off by default.
         *
         * @param ttl how long a shop is reused, positive
         * @return this builder
         */
        public Builder cacheShops(Duration ttl) {
            this.shopCacheTtl = ttl;
            return this;
        }

        /**
         * Sets where shops keep their own prompt templates, which replace the shipped prompts for that shop
         * ({@link #stores(Stores)} sets it too); without one the shipped prompts are used.
         *
         * @param store the shops' prompt templates
         * @return this builder
         */
        public Builder promptTemplates(PromptTemplateStore store) {
            this.promptTemplates = store;
            return this;
        }

        /**
         * Sets the suppression list: customers on it (they opted out, or were erased) are never written
         * to, and messages scheduled for them before are given up. Not taken from {@link #stores(Stores)},
         * because JDBC stores only have one when built with a suppression key; without one nobody is
         * skipped.
         *
         * @param store the suppression list, e.g. {@code stores.suppressions()}
         * @return this builder
         */
        public Builder suppressions(SuppressionStore store) {
            this.suppressions = store;
            return this;
        }

        /**
         * Mounts an extra inbound route on the front door.
         *
         * @param route the route
         * @return this builder
         */
        public Builder route(WebhookRoute route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        /**
         * Mounts a marketplace connector's inbound routes on the front door, and makes the sales guard keep
         * to its messaging rules in the messages of its marketplace's shops.
         *
         * @param connector the connector
         * @return this builder
         */
        public Builder connector(MarketplaceConnector connector) {
            connectors.add(Objects.requireNonNull(connector, "connector"));
            return this;
        }

        /**
         * Adds a listener to every pipeline (metrics, tracing).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PipelineListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds AI HQ, not yet started.
         *
         * @return AI HQ
         * @throws ConfigurationException listing every missing part
         */
        public AiHq build() {
            List<String> missing = new ArrayList<>();
            if (shops == null) {
                missing.add("shops");
            }
            if (journal == null) {
                missing.add("journal");
            }
            if (purchases == null) {
                missing.add("purchases");
            }
            if (catalog == null) {
                missing.add("catalog");
            }
            if (runLog == null) {
                missing.add("runLog");
            }
            if (outbox == null) {
                missing.add("outbox");
            }
            if (tokenUsage == null) {
                missing.add("tokenUsage");
            }
            if (consents == null) {
                missing.add("consents");
            }
            if (channel == null) {
                missing.add("channel");
            }
            if (secrets == null) {
                missing.add("secrets");
            }
            if (!missing.isEmpty()) {
                throw new ConfigurationException("AI HQ is missing " + String.join(", ", missing)
                        + (shops == null ? " (stores(InMemoryStores.create()) sets every store for a demo)" : ""));
            }
            if (dispatchInterval.isNegative() || dispatchInterval.isZero()) {
                throw new ConfigurationException("AI HQ's dispatch interval must be positive, got " + dispatchInterval);
            }
            if (runLease != null && (runLease.isNegative() || runLease.isZero())) {
                throw new ConfigurationException("AI HQ's run lease must be positive, got " + runLease);
            }
            if (recoveryInterval != null && recoveryInterval.isNegative()) {
                throw new ConfigurationException("AI HQ's recovery interval must not be negative, got "
                        + recoveryInterval);
            }
            if (shopCacheTtl != null && (shopCacheTtl.isNegative() || shopCacheTtl.isZero())) {
                throw new ConfigurationException("AI HQ's shop cache ttl must be positive, got " + shopCacheTtl);
            }
            if (executor != null) {
                return new AiHq(this, executor, null);
            }
            ExecutorService owned = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                    daemonThreads());
            try {
                return new AiHq(this, owned, owned);
            } catch (RuntimeException e) {
                owned.shutdownNow();
                throw e;
            }
        }

        private static java.util.concurrent.ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread thread = new Thread(r, "hq-run-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
