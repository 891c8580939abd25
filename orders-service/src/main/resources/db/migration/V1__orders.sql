-- Orders as the service owns them. Text columns are stored exactly as given (the UI escapes); the API enforces the
-- same lengths, so a value that fits the API always fits here.
CREATE TABLE customer_order (
    id                  UUID PRIMARY KEY,
    customer_name       VARCHAR(100)   NOT NULL,
    customer_email      VARCHAR(254)   NOT NULL,
    status              VARCHAR(20)    NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    status_reason       VARCHAR(500),
    total               NUMERIC(12, 2) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    correlation_id      VARCHAR(100),
    -- A client's Idempotency-Key and a digest of the request it came with: a retry returns the same order, the
    -- same key with a different request is refused.
    idempotency_key     VARCHAR(100) UNIQUE,
    request_fingerprint VARCHAR(64),
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL
);
CREATE INDEX customer_order_created ON customer_order (created_at DESC);
CREATE INDEX customer_order_status_created ON customer_order (status, created_at DESC);

CREATE TABLE order_line (
    id           BIGSERIAL PRIMARY KEY,
    order_id     UUID           NOT NULL REFERENCES customer_order (id),
    line_no      INT            NOT NULL,
    sku          VARCHAR(40)    NOT NULL,
    product_name VARCHAR(100)   NOT NULL,
    unit_price   NUMERIC(10, 2) NOT NULL,
    quantity     INT            NOT NULL CHECK (quantity > 0),
    UNIQUE (order_id, line_no)
);

-- Every status an order went through, with when and why: the history the API shows.
CREATE TABLE order_status_change (
    id       BIGSERIAL PRIMARY KEY,
    order_id UUID         NOT NULL REFERENCES customer_order (id),
    status   VARCHAR(20)  NOT NULL,
    reason   VARCHAR(500),
    at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_status_change_order ON order_status_change (order_id, id);

-- This service's replica of the catalog, rebuilt from the compacted shop.catalog topic. Orders are priced and named
-- from it; stock is informational only (the inventory service stays authoritative).
CREATE TABLE catalog_product (
    sku         VARCHAR(40)    PRIMARY KEY,
    name        VARCHAR(100)   NOT NULL,
    description VARCHAR(1000)  NOT NULL,
    price       NUMERIC(10, 2) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    stock       INT            NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX catalog_product_lower_name ON catalog_product (lower(name));
