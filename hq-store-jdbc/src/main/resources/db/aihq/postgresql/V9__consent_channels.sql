-- AI HQ schema version 9 (PostgreSQL): customers' consent to messages, and what the outbox needs for it and
-- for the providers' status reports.

-- One consent record per shop and customer (personal data: erasure deletes it; an opt-out also stays on
-- the suppression list, which keeps only a hash). Changes lock the row (SELECT ... FOR UPDATE).
CREATE TABLE ${prefix}consents (
    shop_id          VARCHAR(64)  NOT NULL,
    customer_phone   VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    marketing_paused BOOLEAN      NOT NULL,
    asked_at         TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL,
    source           VARCHAR(100) NOT NULL,
    PRIMARY KEY (shop_id, customer_phone)
);

-- What a message is for (MARKETING, UTILITY, SERVICE). Messages written before this version were the sales
-- agent's offers.
ALTER TABLE ${prefix}outbox ADD COLUMN category VARCHAR(16) NOT NULL DEFAULT 'MARKETING';
-- The consent under which the message was scheduled or released; NULL when none was recorded.
ALTER TABLE ${prefix}outbox ADD COLUMN consent VARCHAR(300);
-- The quick-reply buttons as a JSON array of {"id","title"}; NULL for none.
ALTER TABLE ${prefix}outbox ADD COLUMN quick_replies TEXT;
-- Whether the message must go as a template (the provider said the service window was closed).
ALTER TABLE ${prefix}outbox ADD COLUMN template_required BOOLEAN NOT NULL DEFAULT FALSE;
-- The provider's later report on a sent message (SENT, DELIVERED, READ, FAILED) and its time.
ALTER TABLE ${prefix}outbox ADD COLUMN delivery_state VARCHAR(16);
ALTER TABLE ${prefix}outbox ADD COLUMN delivery_at TIMESTAMPTZ;

-- Cancelling an order's messages also cancels those awaiting consent: the partial index of version 3 covers
-- only PENDING ones, so it is replaced by one covering both.
CREATE INDEX ${prefix}outbox_order_open ON ${prefix}outbox (shop_id, order_key)
    WHERE status IN ('PENDING', 'AWAITING_CONSENT');
DROP INDEX ${prefix}outbox_order;

-- Status reports find their message by the provider's id.
CREATE INDEX ${prefix}outbox_provider_id ON ${prefix}outbox (shop_id, provider_message_id);
