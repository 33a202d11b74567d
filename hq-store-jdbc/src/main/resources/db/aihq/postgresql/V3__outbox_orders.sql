-- AI HQ schema version 3 (PostgreSQL): outbox order keys, listing, cancellation and the lock rows that make
-- frequency caps atomic. sent_at already exists since version 1.

-- The order a message is about (e.g. the marketplace's order code); a cancelled or returned order cancels
-- its pending messages by it. NULL for messages about no order.
ALTER TABLE ${prefix}outbox ADD COLUMN order_key VARCHAR(200);

-- Cancelling an order's pending messages.
CREATE INDEX ${prefix}outbox_order ON ${prefix}outbox (shop_id, order_key) WHERE status = 'PENDING';

-- A shop's messages by status, soonest due first (the list of scheduled messages).
CREATE INDEX ${prefix}outbox_shop_status ON ${prefix}outbox (shop_id, status, due_at);

-- One lock row per shop and customer: a capped schedule locks it (SELECT ... FOR UPDATE) before counting
-- the customer's recent messages and adding one, so that concurrent schedules cannot exceed the cap.
CREATE TABLE ${prefix}outbox_contacts (
    shop_id          VARCHAR(64)  NOT NULL,
    to_phone         VARCHAR(16)  NOT NULL,
    PRIMARY KEY (shop_id, to_phone)
);
