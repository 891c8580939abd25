CREATE TABLE customer_order (
    id             UUID PRIMARY KEY,
    customer_name  VARCHAR(100)   NOT NULL,
    customer_email VARCHAR(254)   NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    status_reason  VARCHAR(500),
    total          NUMERIC(12, 2) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    correlation_id VARCHAR(100),
    created_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX customer_order_status_created ON customer_order (status, created_at DESC);

CREATE TABLE order_line (
    order_id     UUID           NOT NULL REFERENCES customer_order (id),
    line_no      INT            NOT NULL,
    sku          VARCHAR(40)    NOT NULL,
    product_name VARCHAR(100)   NOT NULL,
    unit_price   NUMERIC(10, 2) NOT NULL,
    quantity     INT            NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);
