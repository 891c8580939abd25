-- Test only: what the replay probe (a consumer using the platform's idempotent IncomingEvents) applied. One row per
-- application, no unique key, so an event applied twice would show up as two rows.
CREATE TABLE replay_probe_effect (
    event_id   UUID        NOT NULL,
    order_id   UUID,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
