-- AI HQ schema version 5 (H2): the customers a shop must never message again.

-- No phone number is stored: phone_hash is the lower-case hex HMAC-SHA256 of the shop id and the number
-- under the application's suppression key. The primary key serves every lookup.
CREATE TABLE ${prefix}suppressions (
    shop_id          VARCHAR(64)  NOT NULL,
    phone_hash       CHAR(64)     NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    suppressed_at    TIMESTAMP(6) WITH TIME ZONE  NOT NULL,
    PRIMARY KEY (shop_id, phone_hash)
);
