-- AI HQ schema version 4 (H2): shops' own prompt templates and the conversations with customers.

-- A shop's template overrides the shipped default of the same name. The primary key serves the lookups
-- of a template and a shop's list in name order (H2 compares strings by character code, as Java does).
CREATE TABLE ${prefix}prompt_templates (
    shop_id          VARCHAR(64)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    text             VARCHAR      NOT NULL,
    updated_at       TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (shop_id, name)
);

-- The messages exchanged with customers; a message key is appended once per shop.
CREATE TABLE ${prefix}conversations (
    shop_id          VARCHAR(64)  NOT NULL,
    customer_phone   VARCHAR(16)  NOT NULL,
    direction        VARCHAR(8)   NOT NULL,
    body             VARCHAR      NOT NULL,
    at               TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    message_key      VARCHAR(200) NOT NULL,
    PRIMARY KEY (shop_id, message_key)
);
-- A customer's recent messages; a shop's purge of old messages reads the shop's range of it.
CREATE INDEX ${prefix}conversations_customer ON ${prefix}conversations (shop_id, customer_phone, at);
