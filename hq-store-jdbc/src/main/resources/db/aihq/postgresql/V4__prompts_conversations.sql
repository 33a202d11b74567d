-- AI HQ schema version 4 (PostgreSQL): shops' own prompt templates and the conversations with customers.

-- A shop's template overrides the shipped default of the same name. The primary key serves the lookups
-- of a template and a shop's list in name order.
CREATE TABLE ${prefix}prompt_templates (
    shop_id          VARCHAR(64)  NOT NULL,
    -- Collation "C": listed in character-code order, as in Java and on H2, whatever the database's locale.
    name             VARCHAR(100) COLLATE "C" NOT NULL,
    text             TEXT         NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (shop_id, name)
);

-- The messages exchanged with customers; a message key is appended once per shop.
CREATE TABLE ${prefix}conversations (
    shop_id          VARCHAR(64)  NOT NULL,
    customer_phone   VARCHAR(16)  NOT NULL,
    direction        VARCHAR(8)   NOT NULL,
    body             TEXT         NOT NULL,
    at               TIMESTAMPTZ  NOT NULL,
    -- Collation "C": ties in time are ordered by key, as in Java and on H2.
    message_key      VARCHAR(200) COLLATE "C" NOT NULL,
    PRIMARY KEY (shop_id, message_key)
);
-- A customer's recent messages; a shop's purge of old messages reads the shop's range of it.
CREATE INDEX ${prefix}conversations_customer ON ${prefix}conversations (shop_id, customer_phone, at);
