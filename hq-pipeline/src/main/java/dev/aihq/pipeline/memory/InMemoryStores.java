package dev.aihq.pipeline.memory;

import dev.aihq.api.store.Stores;
import java.util.Objects;

/**
 * One in-memory store of each kind, for wiring a pipeline in tests, demos and benchmarks without a
 * database.
 *
 * <pre>{@code
 * InMemoryStores stores = InMemoryStores.create();
 * stores.shops().save(shop);
 * }</pre>
 *
 * @param shops the shops
 * @param journal the event journal
 * @param purchases the purchases
 * @param catalog the catalog
 * @param runLog the run log
 * @param outbox the outbox
 * @param tokenUsage the token usage
 * @param promptTemplates the shops' prompt templates
 * @param conversations the conversations
 * @param suppressions the customers who must not be messaged again
 * @param consents the customers' consent to messages
 * @param cursors the cursors of polling event sources
 * @param ledger the shops' ledger of money movements
 * @param legalCases the shops' legal cases and the marketplace's answers
 * @param orderIndex the local index of the orders the connectors saw
 * @param interactions the unified inbox's interactions and their timelines
 */
public record InMemoryStores(
        InMemoryShopStore shops,
        InMemoryEventJournal journal,
        InMemoryPurchaseStore purchases,
        InMemoryCatalogStore catalog,
        InMemoryRunLog runLog,
        InMemoryOutbox outbox,
        InMemoryTokenUsageStore tokenUsage,
        InMemoryPromptTemplateStore promptTemplates,
        InMemoryConversationStore conversations,
        InMemorySuppressionStore suppressions,
        InMemoryConsentStore consents,
        InMemoryPollCursorStore cursors,
        InMemoryLedgerStore ledger,
        InMemoryLegalCaseStore legalCases,
        InMemoryOrderIndexStore orderIndex,
        InMemoryInteractionStore interactions) implements Stores {

    /** Requires every store. */
    public InMemoryStores {
        Objects.requireNonNull(shops, "shops");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(runLog, "run log");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(tokenUsage, "token usage");
        Objects.requireNonNull(promptTemplates, "prompt templates");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(suppressions, "suppressions");
        Objects.requireNonNull(consents, "consents");
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(legalCases, "legal cases");
        Objects.requireNonNull(orderIndex, "order index");
        Objects.requireNonNull(interactions, "interactions");
    }

    /**
     * Returns erasure and retention over these stores.
     *
     * @return a personal data store working on this set
     */
    @Override
    public InMemoryPersonalDataStore personalData() {
        return new InMemoryPersonalDataStore(this);
    }

    /**
     * Creates a set of empty stores; the run log keeps {@value InMemoryRunLog#DEFAULT_MAX_RECORDS_PER_SHOP}
     * runs per shop. The suppression list hashes phone numbers with a random key made now, which is
     * fine for one process whose stores vanish with it.
     *
     * @return the stores
     */
    public static InMemoryStores create() {
        return create(InMemoryRunLog.DEFAULT_MAX_RECORDS_PER_SHOP);
    }

    /**
     * Creates a set of empty stores with a run log retention limit. The suppression list hashes phone
     * numbers with a random key made now ({@link InMemorySuppressionStore#withRandomKey()}).
     *
     * @param maxRunsPerShop how many runs per shop the run log keeps, at least 1
     * @return the stores
     */
    public static InMemoryStores create(int maxRunsPerShop) {
        return new InMemoryStores(new InMemoryShopStore(), new InMemoryEventJournal(), new InMemoryPurchaseStore(),
                new InMemoryCatalogStore(), new InMemoryRunLog(maxRunsPerShop), new InMemoryOutbox(),
                new InMemoryTokenUsageStore(), new InMemoryPromptTemplateStore(), new InMemoryConversationStore(),
                InMemorySuppressionStore.withRandomKey(), new InMemoryConsentStore(),
                new InMemoryPollCursorStore(), new InMemoryLedgerStore(), new InMemoryLegalCaseStore(),
                new InMemoryOrderIndexStore(), new InMemoryInteractionStore());
    }
}
