-- The audit journal: one row per Kafka record of any shop topic, exactly as it crossed the broker.
-- Binary values (key, payload, header values) are stored as text when they are UTF-8 without NUL characters, and as
-- base64 otherwise (flagged), so any record can be journaled and replayed byte for byte.
CREATE TABLE journal_entry (
    id               BIGSERIAL PRIMARY KEY,
    topic            TEXT        NOT NULL,
    kafka_partition  INT         NOT NULL,
    kafka_offset     BIGINT      NOT NULL,
    message_key      TEXT,
    key_base64       BOOLEAN     NOT NULL DEFAULT FALSE,
    -- [{"name": "...", "value": "...", "base64": false}, ...] in record order (Kafka allows repeated names)
    headers          JSONB       NOT NULL DEFAULT '[]',
    record_timestamp TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    payload          TEXT,
    payload_base64   BOOLEAN     NOT NULL DEFAULT FALSE,
    valid            BOOLEAN     NOT NULL,
    decode_error     TEXT,
    -- Envelope fields, present when the payload decodes as an event.
    event_id         UUID,
    event_type       TEXT,
    event_version    INT,
    order_id         UUID,
    correlation_id   TEXT,
    source           TEXT,
    occurred_at      TIMESTAMPTZ,
    -- Republished from this journal (header "replayed: true"): the same event again, at a new offset.
    replayed         BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Redelivery after a crash or rebalance must never add a second row for the same record.
    CONSTRAINT journal_entry_record UNIQUE (topic, kafka_partition, kafka_offset),
    CONSTRAINT journal_entry_valid_has_event CHECK (NOT valid OR (event_id IS NOT NULL AND event_type IS NOT NULL))
);

CREATE INDEX journal_entry_order ON journal_entry (order_id, occurred_at) WHERE order_id IS NOT NULL;
CREATE INDEX journal_entry_type ON journal_entry (event_type, id);
CREATE INDEX journal_entry_record_timestamp ON journal_entry (record_timestamp);
CREATE INDEX journal_entry_event ON journal_entry (event_id);
CREATE INDEX journal_entry_invalid ON journal_entry (id) WHERE NOT valid;

-- Append-only, enforced by the database itself: whatever the application (or a person with psql) does, a journaled
-- record cannot be changed or removed. Rows leave only with the whole database.
CREATE FUNCTION journal_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'journal_entry is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER journal_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_entry_is_append_only();

CREATE TRIGGER journal_entry_no_truncate
    BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_entry_is_append_only();
