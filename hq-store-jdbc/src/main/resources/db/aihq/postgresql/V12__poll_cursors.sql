-- AI HQ schema version 12 (PostgreSQL): the cursors of polling event sources (the Kaspi order poller).
-- One row per shop and stream; a source replaces its row only after the events it read are journaled.
-- The primary key serves the lookups of a cursor and a shop's list in stream order.
CREATE TABLE ${prefix}poll_cursors (
    shop_id          VARCHAR(64)   NOT NULL,
    -- Collation "C": listed in character-code order, as in Java and on H2, whatever the database's locale.
    stream           VARCHAR(100)  COLLATE "C" NOT NULL,
    position         VARCHAR(2000) NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (shop_id, stream)
);
