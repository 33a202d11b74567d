-- AI HQ schema version 1 (PostgreSQL 12+, Supabase included).
-- ${prefix} is the table prefix (JdbcStores.Builder#tablePrefix, default hq_); Flyway and Liquibase users
-- set a placeholder named "prefix". Every table is keyed by shop. JSON columns carry their own schema
-- version column so that later versions can read older rows.

CREATE TABLE ${prefix}shops (
    shop_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name             TEXT         NOT NULL,
    marketplace      VARCHAR(32)  NOT NULL,
    active           BOOLEAN      NOT NULL,
    zone             VARCHAR(64)  NOT NULL,
    locale           VARCHAR(35)  NOT NULL,
    currency         CHAR(3)      NOT NULL,
    legal_form       VARCHAR(16)  NOT NULL,
    tax_mode         VARCHAR(48)  NOT NULL,
    settings         JSONB        NOT NULL,
    settings_version INTEGER      NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE TABLE ${prefix}event_journal (
    shop_id          VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(200) NOT NULL,
    event_type       VARCHAR(100) NOT NULL,
    run_id           VARCHAR(64)  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    payload          JSONB        NOT NULL,
    payload_version  INTEGER      NOT NULL,
    PRIMARY KEY (shop_id, idempotency_key)
);

CREATE TABLE ${prefix}purchases (
    shop_id          VARCHAR(64)   NOT NULL,
    order_id         VARCHAR(128)  NOT NULL,
    customer_phone   VARCHAR(16),
    occurred_at      TIMESTAMPTZ   NOT NULL,
    -- The order's currency and total, for analytics; NULL when it has no lines or lines in several currencies.
    currency         CHAR(3),
    total            NUMERIC(19,4),
    items            JSONB         NOT NULL,
    items_version    INTEGER       NOT NULL,
    saved_seq        BIGSERIAL     NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);
-- A customer's history, newest first (ties in saving order); anonymous purchases belong to no history.
CREATE INDEX ${prefix}purchases_customer ON ${prefix}purchases
    (shop_id, customer_phone, occurred_at DESC, saved_seq DESC) WHERE customer_phone IS NOT NULL;

-- The primary key serves both lookups of a product and a shop's catalog in SKU order.
CREATE TABLE ${prefix}products (
    shop_id          VARCHAR(64)   NOT NULL,
    -- Collation "C": listed in character-code order, as in Java and on H2, whatever the database's locale.
    sku              VARCHAR(64)   COLLATE "C" NOT NULL,
    name             TEXT          NOT NULL,
    category         TEXT          NOT NULL,
    currency         CHAR(3)       NOT NULL,
    price            NUMERIC(19,4) NOT NULL,
    cost_price       NUMERIC(19,4),
    stock            INTEGER       NOT NULL,
    active           BOOLEAN       NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (shop_id, sku)
);

CREATE TABLE ${prefix}runs (
    shop_id             VARCHAR(64)  NOT NULL,
    run_id              VARCHAR(64)  NOT NULL,
    pipeline            VARCHAR(100) NOT NULL,
    event_type          VARCHAR(100) NOT NULL,
    idempotency_key     VARCHAR(200) NOT NULL,
    started_at          TIMESTAMPTZ  NOT NULL,
    finished_at         TIMESTAMPTZ,
    outcome             VARCHAR(20),
    reason              TEXT         NOT NULL,
    stages              JSONB        NOT NULL,
    agent               JSONB,
    result              JSONB,
    scheduled_for       TIMESTAMPTZ,
    provider_message_id VARCHAR(200),
    record_version      INTEGER      NOT NULL,
    PRIMARY KEY (shop_id, run_id)
);
-- A shop's recent runs, newest first (ties by run id).
CREATE INDEX ${prefix}runs_recent ON ${prefix}runs (shop_id, started_at DESC, run_id DESC);

CREATE TABLE ${prefix}outbox (
    shop_id             VARCHAR(64)  NOT NULL,
    message_id          VARCHAR(64)  NOT NULL,
    run_id              VARCHAR(64)  NOT NULL,
    channel             VARCHAR(64)  NOT NULL,
    to_phone            VARCHAR(16)  NOT NULL,
    body                TEXT         NOT NULL,
    stable_key          VARCHAR(200) NOT NULL,
    due_at              TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INTEGER      NOT NULL,
    claimed_by          VARCHAR(200),
    lease_until         TIMESTAMPTZ,
    provider_message_id VARCHAR(200),
    last_error          TEXT,
    sent_at             TIMESTAMPTZ,
    PRIMARY KEY (shop_id, message_id),
    UNIQUE (shop_id, stable_key)
);
-- Due messages, across shops, for the dispatchers' claims.
CREATE INDEX ${prefix}outbox_pending_due ON ${prefix}outbox (due_at) WHERE status = 'PENDING';
-- Claims whose lease may have expired.
CREATE INDEX ${prefix}outbox_claimed_lease ON ${prefix}outbox (lease_until) WHERE status = 'CLAIMED';
-- Frequency caps: a customer's recent messages.
CREATE INDEX ${prefix}outbox_contact ON ${prefix}outbox (shop_id, to_phone, due_at);

-- One counter row per shop and local day; additions go through the primary key.
CREATE TABLE ${prefix}token_usage (
    shop_id          VARCHAR(64)  NOT NULL,
    usage_day        DATE         NOT NULL,
    tokens           BIGINT       NOT NULL,
    PRIMARY KEY (shop_id, usage_day)
);
