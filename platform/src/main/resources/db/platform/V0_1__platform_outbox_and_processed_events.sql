-- Shared by every service (platform module). Versions 0.x run before each service's own V1..Vn migrations.

-- Transactional outbox: events are written here in the same transaction as the state change they announce,
-- and a relay publishes them to Kafka afterwards, marking each row only once the broker has acknowledged it.
CREATE TABLE outbox (
    id             BIGSERIAL PRIMARY KEY,
    topic          VARCHAR(200) NOT NULL,
    message_key    VARCHAR(200),
    event_id       UUID         NOT NULL UNIQUE,
    event_type     VARCHAR(100) NOT NULL,
    correlation_id VARCHAR(100),
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;

-- Idempotent consumer: an event id is recorded in the transaction that applies it; a second delivery finds it.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
