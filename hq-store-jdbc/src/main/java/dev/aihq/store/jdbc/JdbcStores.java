package dev.aihq.store.jdbc;

import dev.aihq.api.error.ConfigurationException;
import dev.aihq.api.event.CustomerReplyEvent;
import dev.aihq.api.event.FinanceEvent;
import dev.aihq.api.event.HqEvent;
import dev.aihq.api.event.LegalEvent;
import dev.aihq.api.event.PurchaseEvent;
import dev.aihq.api.store.CatalogStore;
import dev.aihq.api.store.ConsentStore;
import dev.aihq.api.store.ConversationStore;
import dev.aihq.api.store.EventJournal;
import dev.aihq.api.store.InteractionStore;
import dev.aihq.api.store.LedgerStore;
import dev.aihq.api.store.LegalCaseStore;
import dev.aihq.api.store.OrderIndexStore;
import dev.aihq.api.store.Outbox;
import dev.aihq.api.store.PersonalDataStore;
import dev.aihq.api.store.PollCursorStore;
import dev.aihq.api.store.PhoneHash;
import dev.aihq.api.store.PromptTemplateStore;
import dev.aihq.api.store.PurchaseStore;
import dev.aihq.api.store.RunLog;
import dev.aihq.api.store.ShopStore;
import dev.aihq.api.store.Stores;
import dev.aihq.api.store.SuppressionStore;
import dev.aihq.api.store.TokenUsageStore;
import dev.aihq.api.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/**
 * Every AI HQ store over one {@link DataSource}: PostgreSQL (Supabase included) or the embedded H2.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).build();
 * stores.migrate();                       // creates or upgrades the tables; or run the SQL files yourself
 * EventJournal journal = stores.journal();
 * }</pre>
 *
 * <p>The stores are thread-safe and hold no connection between calls: give them a pooled data source.
 * With Supabase's pooler in transaction mode (port 6543) add {@code prepareThreshold=0} to the JDBC URL,
 * because server-side prepared statements do not survive a pooled transaction.
 *
 * <p>The suppression list ({@link #suppressions()}) needs a secret key, set with
 * {@link Builder#suppressionKey(byte[])}: without it the other stores work and {@link #suppressions()}
 * throws a {@link ConfigurationException}. There is deliberately no default key, since a key anyone can
 * derive would let the stored hashes be checked against guessed numbers.
 */
public final class JdbcStores implements Stores {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,20}|");

    private final Jdbc jdbc;
    private final Map<String, Class<? extends HqEvent>> eventTypes;
    private final ShopStore shops;
    private final EventJournal journal;
    private final PurchaseStore purchases;
    private final CatalogStore catalog;
    private final RunLog runLog;
    private final Outbox outbox;
    private final TokenUsageStore tokenUsage;
    private final PromptTemplateStore promptTemplates;
    private final ConversationStore conversations;
    private final @Nullable SuppressionStore suppressions;
    private final ConsentStore consents;
    private final PollCursorStore cursors;
    private final LedgerStore ledger;
    private final LegalCaseStore legalCases;
    private final OrderIndexStore orderIndex;
    private final InteractionStore interactions;
    private final Transactions transactions;
    private final PersonalDataStore personalData;

    private JdbcStores(Jdbc jdbc, Map<String, Class<? extends HqEvent>> eventTypes, @Nullable byte[] suppressionKey) {
        this.jdbc = jdbc;
        this.eventTypes = Map.copyOf(eventTypes);
        this.shops = new JdbcShopStore(jdbc);
        this.journal = new JdbcEventJournal(jdbc, new EventTypes(this.eventTypes));
        this.purchases = new JdbcPurchaseStore(jdbc);
        this.catalog = new JdbcCatalogStore(jdbc);
        this.runLog = new JdbcRunLog(jdbc);
        this.outbox = new JdbcOutbox(jdbc);
        this.tokenUsage = new JdbcTokenUsageStore(jdbc);
        this.promptTemplates = new JdbcPromptTemplateStore(jdbc);
        this.conversations = new JdbcConversationStore(jdbc);
        this.suppressions = suppressionKey == null ? null : new JdbcSuppressionStore(jdbc, suppressionKey);
        this.consents = new JdbcConsentStore(jdbc);
        this.cursors = new JdbcPollCursorStore(jdbc);
        this.ledger = new JdbcLedgerStore(jdbc);
        this.legalCases = new JdbcLegalCaseStore(jdbc);
        this.orderIndex = new JdbcOrderIndexStore(jdbc);
        this.interactions = new JdbcInteractionStore(jdbc);
        this.transactions = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return jdbc.unitOfWork(work);
            }

            @Override
            public String toString() {
                return "JdbcStores.transactions(" + jdbc.dialect + ")";
            }
        };
        this.personalData = new JdbcPersonalDataStore(jdbc, suppressionKey);
    }

    /**
     * Starts a builder.
     *
     * @param dataSource the database, ideally pooled
     * @return a builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Creates or upgrades the tables; see {@link SchemaMigrator}.
     *
     * @return the schema files applied now
     */
    public List<String> migrate() {
        return new SchemaMigrator(jdbc.dataSource, jdbc.dialect, jdbc.prefix).migrate();
    }

    /**
     * Returns the dialect in use.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return jdbc.dialect;
    }

    /**
     * Returns the table prefix.
     *
     * @return the prefix, possibly empty
     */
    public String tablePrefix() {
        return jdbc.prefix;
    }

    /** @return the shop store */
    @Override
    public ShopStore shops() {
        return shops;
    }

    /** @return the event journal */
    @Override
    public EventJournal journal() {
        return journal;
    }

    /** @return the purchase store */
    @Override
    public PurchaseStore purchases() {
        return purchases;
    }

    /** @return the catalog store */
    @Override
    public CatalogStore catalog() {
        return catalog;
    }

    /** @return the run log */
    @Override
    public RunLog runLog() {
        return runLog;
    }

    /** @return the outbox */
    @Override
    public Outbox outbox() {
        return outbox;
    }

    /** @return the token usage store */
    @Override
    public TokenUsageStore tokenUsage() {
        return tokenUsage;
    }

    /** @return the shops' prompt template store */
    @Override
    public PromptTemplateStore promptTemplates() {
        return promptTemplates;
    }

    /** @return the conversation store */
    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    /**
     * Returns the suppression list, which stores only keyed hashes of phone numbers.
     *
     * @return the suppression store
     * @throws ConfigurationException when the stores were built without
     *     {@link Builder#suppressionKey(byte[])}
     */
    @Override
    public SuppressionStore suppressions() {
        SuppressionStore store = suppressions;
        if (store == null) {
            throw new ConfigurationException("the suppression list needs a secret key: set"
                    + " JdbcStores.Builder#suppressionKey(byte[]) (at least " + PhoneHash.MIN_KEY_BYTES
                    + " bytes, the same on every instance)");
        }
        return store;
    }

    /**
     * Returns customers' consent to messages, one row per shop and customer; a change locks the customer's
     * row, so concurrent changes from any number of instances apply one after the other.
     *
     * @return the consent store
     */
    @Override
    public ConsentStore consents() {
        return consents;
    }

    /**
     * Returns the cursors of polling event sources, one row per shop and stream.
     *
     * @return the cursor store
     */
    @Override
    public PollCursorStore cursors() {
        return cursors;
    }

    /**
     * Returns the shops' ledger of money movements, one row per shop and entry key in
     * {@code <prefix>ledger_entries}; amounts and quantities are kept exactly to four decimal places, and totals
     * are added up by the database in one query.
     *
     * @return the ledger store
     */
    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    /**
     * Returns the shops' legal cases, one row per shop and case key in {@code <prefix>legal_cases}, with the
     * marketplace's answers in {@code <prefix>legal_case_answers}; saving a case again replaces its assessment
     * and keeps its answers.
     *
     * @return the legal case store
     */
    @Override
    public LegalCaseStore legalCases() {
        return legalCases;
    }

    /**
     * Returns the local order index, one row per shop, marketplace and order id in {@code <prefix>order_index},
     * with an index per other reference (unique order id, basket, sticker); recording an order again updates it
     * from the later sighting and keeps when it was made.
     *
     * @return the order index store
     */
    @Override
    public OrderIndexStore orderIndex() {
        return orderIndex;
    }

    /**
     * Returns the unified inbox's interactions, one row per shop and interaction id in
     * {@code <prefix>inbox_interactions}, saved with optimistic versions (a save from a version another save
     * has replaced updates no row and returns empty), and their timelines, one row per message in
     * {@code <prefix>inbox_messages}, each written once.
     *
     * @return the interaction store
     */
    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    /**
     * Returns units of work over these stores' database: the writes of every store made by the calling
     * thread inside {@link Transactions#inTransaction} run on one connection and commit together. Stores
     * of another {@code JdbcStores} over the same database are not part of the unit.
     *
     * @return the transactions
     */
    @Override
    public Transactions transactions() {
        return transactions;
    }

    /**
     * Returns erasure and retention purges over every table, each erasure in one transaction. Purges work
     * without a suppression key; {@link PersonalDataStore#erase} throws a {@link ConfigurationException}
     * (changing nothing) when the stores were built without {@link Builder#suppressionKey(byte[])}, because an
     * erased customer must stay on the suppression list.
     *
     * @return the personal data store
     */
    @Override
    public PersonalDataStore personalData() {
        return personalData;
    }

    static String requireValidPrefix(String prefix) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new ConfigurationException("table prefix must be empty or 1-21 lower-case letters, digits and '_'"
                    + " starting with a letter, got '" + prefix + "'");
        }
        return prefix;
    }

    /** Builds {@link JdbcStores}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private @Nullable Dialect dialect;
        private String tablePrefix = "hq_";
        private @Nullable byte[] suppressionKey;
        private final Map<String, Class<? extends HqEvent>> eventTypes = new LinkedHashMap<>();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            eventTypes.put(PurchaseEvent.TYPE, PurchaseEvent.class);
            eventTypes.put(CustomerReplyEvent.TYPE, CustomerReplyEvent.class);
            eventTypes.put(LegalEvent.TYPE_PREFIX + "*", LegalEvent.class);
            eventTypes.put(FinanceEvent.TYPE_PREFIX + "*", FinanceEvent.class);
        }

        /**
         * Sets the dialect; by default it is detected from the database.
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * Sets the table prefix; default {@code hq_}.
         *
         * @param prefix empty, or lower-case letters, digits and {@code _}
         * @return this builder
         */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = prefix;
            return this;
        }

        /**
         * Sets the secret key the suppression list hashes phone numbers with; see {@link PhoneHash}. Keep
         * it like a password (e.g. in the secret store the database password comes from) and give every
         * application instance the same key: with another key nobody on the list is recognised, and losing
         * it makes the list unusable. Optional: without it {@link JdbcStores#suppressions()} throws a
         * {@link ConfigurationException}.
         *
         * @param key at least {@value PhoneHash#MIN_KEY_BYTES} bytes, ideally 32 random bytes; copied
         * @return this builder
         */
        public Builder suppressionKey(byte[] key) {
            this.suppressionKey = Objects.requireNonNull(key, "suppression key").clone();
            return this;
        }

        /**
         * Registers an event type of your own so the journal can store and read it. The built-in events
         * are registered already.
         *
         * @param type the event's {@link HqEvent#type()}, or a prefix ending in {@code *}
         * @param eventClass its record class
         * @return this builder
         */
        public Builder eventType(String type, Class<? extends HqEvent> eventClass) {
            eventTypes.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(eventClass, "eventClass"));
            return this;
        }

        /**
         * Builds the stores (the tables must exist: call {@link JdbcStores#migrate()} or run the SQL files).
         *
         * @return the stores
         * @throws ConfigurationException listing every problem
         */
        public JdbcStores build() {
            List<String> problems = new ArrayList<>();
            try {
                requireValidPrefix(tablePrefix);
            } catch (ConfigurationException e) {
                problems.add(e.getMessage());
            }
            if (suppressionKey != null && suppressionKey.length < PhoneHash.MIN_KEY_BYTES) {
                problems.add("suppression key must be at least " + PhoneHash.MIN_KEY_BYTES + " bytes, got "
                        + suppressionKey.length);
            }
            Dialect chosen = dialect;
            if (chosen == null) {
                try (Connection connection = dataSource.getConnection()) {
                    chosen = Dialect.detect(connection);
                } catch (SQLException | RuntimeException e) {
                    problems.add("cannot detect the database dialect: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigurationException("JDBC stores are misconfigured: " + String.join("; ", problems));
            }
            return new JdbcStores(new Jdbc(dataSource, chosen, tablePrefix, StorageJson.codec()), eventTypes,
                    suppressionKey);
        }
    }
}
