-- A restock's Idempotency-Key (the hidden field of the web UI's restock form, or a client's header) and what it asked
-- for: a double submit, a browser retry or a "try again" after a time-out restocks once. The same key with another
-- SKU or quantity is refused.
CREATE TABLE restock_request (
    idempotency_key VARCHAR(100) PRIMARY KEY,
    sku             VARCHAR(40)  NOT NULL,
    quantity        INT          NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
