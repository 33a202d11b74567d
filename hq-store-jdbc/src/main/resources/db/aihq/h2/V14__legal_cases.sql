-- AI HQ schema version 14 (H2): the shops' legal cases (each legal event with its assessment) and the answers
-- the marketplace gave to them later. The legal agent reads a shop's recent cases as its fine history and shows
-- the earlier answers in the next assessment. One case per (shop, key): a rerun of an event replaces the
-- assessment and keeps the answers. One answer per (shop, case, answer key). Cases name no customer, so an
-- erasure leaves them alone. Additive: no existing table changes and nothing is back-filled.

CREATE TABLE ${prefix}legal_cases (
    shop_id           VARCHAR(64)   NOT NULL,
    -- H2 compares strings by character code, as Java does: the order of cases of one time.
    case_key          VARCHAR(200)  NOT NULL,
    -- A LegalEventType wire value: fine, product_block, return, customer_dispute, manual_request.
    event_type        VARCHAR(32)   NOT NULL,
    -- A Marketplace code: kaspi, wildberries, ozon, ...
    marketplace       VARCHAR(32)   NOT NULL,
    order_id          VARCHAR(128),
    product_name      VARCHAR,
    measure_type      VARCHAR,
    -- The applied rules' ids in order, as a JSON array of strings (the first is the main one).
    rule_ids          CLOB          NOT NULL,
    -- A RiskLevel wire value: low, medium, high.
    risk_level        VARCHAR(16)   NOT NULL,
    -- A CanContest wire value: yes, no, partial, not_determined.
    can_contest       VARCHAR(32)   NOT NULL,
    deadline          TIMESTAMP(6) WITH TIME ZONE,
    deadline_official BOOLEAN       NOT NULL,
    applied_at        TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    assessed_at       TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    -- The whole assessment as the front door returns it, kept as text so that it reads back unchanged.
    assessment_json   CLOB          NOT NULL,
    PRIMARY KEY (shop_id, case_key)
);
-- A shop's fine history: its cases of a period, newest first, then by key.
CREATE INDEX ${prefix}legal_cases_history ON ${prefix}legal_cases (shop_id, applied_at DESC, case_key);

CREATE TABLE ${prefix}legal_case_answers (
    shop_id           VARCHAR(64)   NOT NULL,
    case_key          VARCHAR(200)  NOT NULL,
    answer_key        VARCHAR(200)  NOT NULL,
    received_at       TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    -- A MarketplaceAnswer.Outcome wire value: granted, partly_granted, refused, pending.
    outcome           VARCHAR(32)   NOT NULL,
    text              VARCHAR(20000) NOT NULL,
    -- The primary key serves a case's answers; they are listed by time then key.
    PRIMARY KEY (shop_id, case_key, answer_key),
    FOREIGN KEY (shop_id, case_key) REFERENCES ${prefix}legal_cases (shop_id, case_key)
);
