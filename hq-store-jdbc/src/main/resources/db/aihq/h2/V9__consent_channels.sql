-- AI HQ schema version 9 (H2): customers' consent to messages, and what the outbox needs for it and
-- for the providers' status reports.

-- One consent record per shop and customer (personal data: erasure deletes it; an opt-out also stays on
-- the suppression list, which keeps only a hash). Changes lock the row (SELECT ... FOR UPDATE).
CREATE TABLE ${prefix}consents (
    shop_id          VARCHAR(64)  NOT NULL,
    customer_phone   VARCHAR(16)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    marketing_paused BOOLEAN      NOT NULL,
    asked_at         TIMESTAMP(6) WITH TIME ZONE,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    source           VARCHAR(100) NOT NULL,
    PRIMARY KEY (shop_id, customer_phone)
);

-- What a message is for (MARKETING, UTILITY, SERVICE). Messages written before this version were the sales
-- agent's offers.
ALTER TABLE ${prefix}outbox ADD COLUMN category VARCHAR(16) DEFAULT 'MARKETING' NOT NULL;
-- The consent under which the message was scheduled or released; NULL when none was recorded.
ALTER TABLE ${prefix}outbox ADD COLUMN consent VARCHAR(300);
-- The quick-reply buttons as a JSON array of {"id","title"}; NULL for none.
ALTER TABLE ${prefix}outbox ADD COLUMN quick_replies VARCHAR;
-- Whether the message must go as a template (the provider said the service window was closed).
ALTER TABLE ${prefix}outbox ADD COLUMN template_required BOOLEAN DEFAULT FALSE NOT NULL;
-- The provider's later report on a sent message (SENT, DELIVERED, READ, FAILED) and its time.
ALTER TABLE ${prefix}outbox ADD COLUMN delivery_state VARCHAR(16);
ALTER TABLE ${prefix}outbox ADD COLUMN delivery_at TIMESTAMP(6) WITH TIME ZONE;

-- Status reports find their message by the provider's id.
CREATE INDEX ${prefix}outbox_provider_id ON ${prefix}outbox (shop_id, provider_message_id);
