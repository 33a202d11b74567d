package dev.aihq.api.store;

/**
 * One of every store, on one database: what an application hands to AI HQ in one call. The in-memory
 * stores of hq-pipeline and the JDBC stores of hq-store-jdbc both come as one.
 */
public interface Stores {

    /** @return the shops and their settings */
    ShopStore shops();

    /** @return the event journal */
    EventJournal journal();

    /** @return purchases and customers' history */
    PurchaseStore purchases();

    /** @return the shops' catalogs */
    CatalogStore catalog();

    /** @return the run log */
    RunLog runLog();

    /** @return the outbox of customer messages */
    Outbox outbox();

    /** @return model tokens spent per shop and day */
    TokenUsageStore tokenUsage();

    /** @return the shops' own prompt templates */
    PromptTemplateStore promptTemplates();

    /** @return the conversations with customers */
    ConversationStore conversations();

    /** @return the customers who must never be messaged again, kept as keyed hashes */
    SuppressionStore suppressions();

    /**
     * Returns customers' consent to messages.
     *
     * @return the consent store
     */
    ConsentStore consents();

    /**
     * Returns the cursors of polling event sources.
     *
     * @return the cursor store
     */
    PollCursorStore cursors();

    /**
     * Returns the shops' ledger of money movements (sales, returns, cancellations, costs) that the
     * accountant's calculator adds up per period.
     *
     * @return the ledger store
     */
    LedgerStore ledger();

    /**
     * Returns the shops' legal cases: each legal event with its assessment, and the marketplace's later answers,
     * which the legal agent reads as the shop's fine history.
     *
     * @return the legal case store
     */
    LegalCaseStore legalCases();

    /**
     * Returns the local order index: the orders the connectors saw, under every reference a buyer or a chat may
     * give for them (order id, unique order id, basket, sticker), which the inbox reads to link a chat or a message
     * to its order.
     *
     * @return the order index store
     */
    OrderIndexStore orderIndex();

    /**
     * Returns the unified inbox's interactions: reviews, questions and buyer chats with their timelines,
     * classifications, SLA deadlines and order links.
     *
     * @return the interaction store
     */
    InteractionStore interactions();

    /**
     * Returns how writes of these stores are grouped into one commit. Defaults to {@link Transactions#NONE}:
     * stores without transactions leave each write on its own.
     *
     * @return the stores' transactions
     */
    default Transactions transactions() {
        return Transactions.NONE;
    }

    /** @return erasure of a customer and retention purges over all of these stores */
    PersonalDataStore personalData();
}
