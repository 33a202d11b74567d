-- AI HQ schema version 16 (PostgreSQL): the unified inbox's interactions. One row per (shop, interaction id) in
-- inbox_interactions holds the state the inbox derives from an interaction's timeline (classification and a
-- person's correction, status, SLA deadline, escalation count, order link), saved with optimistic versions; the
-- timeline itself is in inbox_messages, one row per (shop, interaction id, message id), written once. A message
-- may come before its interaction's state is first saved, so the messages do not reference the interactions.
-- Rows hold what buyers wrote on the marketplace and no phone number, so an erasure by phone leaves them alone.
-- Additive: no existing table changes and nothing is back-filled.

CREATE TABLE ${prefix}inbox_interactions (
    shop_id                    VARCHAR(64)   NOT NULL,
    -- <marketplace>:<kind>:<thread>. Collation "C": interactions of one deadline or opening time are listed in
    -- character-code order, as in Java and on H2.
    id                         VARCHAR(256)  COLLATE "C" NOT NULL,
    -- A Marketplace code: kaspi, wildberries, ozon, ...
    marketplace                VARCHAR(32)   NOT NULL,
    -- An InboxItemKind wire value: review, question, chat_message.
    kind                       VARCHAR(16)   NOT NULL,
    thread_id                  VARCHAR(200)  NOT NULL,
    product_id                 TEXT,
    seller_sku                 TEXT,
    product_name               TEXT,
    -- What the marketplace needs besides the thread id to reply (a Wildberries chat's replySign); a credential of
    -- the chat: never logged.
    reply_handle               TEXT,
    -- The order link: all four set, or order_ref null and no link (order_id may be null with a link).
    order_ref                  VARCHAR(200),
    order_id                   VARCHAR(200),
    -- An OrderLinkSource wire value: marketplace, buyer_reply, shop.
    order_link_source          VARCHAR(16),
    order_linked_at            TIMESTAMPTZ,
    first_rating               SMALLINT,
    rating                     SMALLINT,
    -- The classifier's answer: all six set, or intent null and none. The intent is its name; emotion, priority
    -- and source are InboxEmotion, InboxPriority and ClassificationSource wire values; the reasons are a JSON
    -- array of strings, in order.
    classification_intent      VARCHAR(40),
    classification_emotion     VARCHAR(16),
    classification_priority    VARCHAR(16),
    classification_source      VARCHAR(16),
    classification_confidence  DOUBLE PRECISION,
    classification_reasons     TEXT,
    -- The buyer's message the classification is for.
    classified_message_id      VARCHAR(200),
    -- A person's correction, in the same six columns.
    correction_intent          VARCHAR(40),
    correction_emotion         VARCHAR(16),
    correction_priority        VARCHAR(16),
    correction_source          VARCHAR(16),
    correction_confidence      DOUBLE PRECISION,
    correction_reasons         TEXT,
    -- An InteractionStatus wire value: open, answered, escalated, closed.
    status                     VARCHAR(16)   NOT NULL,
    opened_at                  TIMESTAMPTZ   NOT NULL,
    last_buyer_at              TIMESTAMPTZ,
    sla_deadline               TIMESTAMPTZ,
    -- When the first answer was due, for SLA compliance.
    first_deadline             TIMESTAMPTZ,
    first_reply_at             TIMESTAMPTZ,
    unanswered_buyer_messages  INTEGER       NOT NULL,
    escalated_at               TIMESTAMPTZ,
    updated_at                 TIMESTAMPTZ   NOT NULL,
    -- 1 after the first save, one more after each; a save names the version it read.
    version                    BIGINT        NOT NULL,
    PRIMARY KEY (shop_id, id)
);
-- The work queue: a shop's interactions in some statuses, by deadline (none last), then by id.
CREATE INDEX ${prefix}inbox_interactions_queue ON ${prefix}inbox_interactions (shop_id, status, sla_deadline, id);
-- The metrics: a shop's interactions opened in a period, oldest first, then by id.
CREATE INDEX ${prefix}inbox_interactions_opened ON ${prefix}inbox_interactions (shop_id, opened_at, id);

CREATE TABLE ${prefix}inbox_messages (
    shop_id                    VARCHAR(64)   NOT NULL,
    interaction_id             VARCHAR(256)  NOT NULL,
    -- Collation "C": messages of one time are listed in character-code order.
    message_id                 VARCHAR(200)  COLLATE "C" NOT NULL,
    -- An InboxSender in lower case: buyer, seller, marketplace.
    sender                     VARCHAR(16)   NOT NULL,
    text                       TEXT          NOT NULL,
    rating                     SMALLINT,
    written_at                 TIMESTAMPTZ   NOT NULL,
    -- For the shop's replies, a ReplyOrigin wire value: draft_as_is, draft_edited, by_hand; else null.
    origin                     VARCHAR(16),
    resolving                  BOOLEAN       NOT NULL,
    -- The primary key serves an interaction's timeline; it is listed by time then message id.
    PRIMARY KEY (shop_id, interaction_id, message_id)
);
