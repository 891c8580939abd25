-- Stock is authoritative here. The CHECK constraints are the last line of defence: whatever the code does, the
-- database refuses a negative stock level (no oversell) or a reservation of nothing.
CREATE TABLE product (
    sku            VARCHAR(40)    PRIMARY KEY,
    name           VARCHAR(100)   NOT NULL,
    description    VARCHAR(500)   NOT NULL,
    price          NUMERIC(10, 2) NOT NULL CHECK (price >= 0),
    currency       CHAR(3)        NOT NULL DEFAULT 'EUR',
    stock          INT            NOT NULL CHECK (stock >= 0),
    low_water_mark INT            NOT NULL CHECK (low_water_mark >= 0),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- One row per order that reached inventory: what was decided and whom to tell. A cancellation finds the customer
-- here without asking the orders service, and an OrderPlaced arriving after its own cancellation finds CANCELLED.
CREATE TABLE order_decision (
    order_id       UUID         PRIMARY KEY,
    outcome        VARCHAR(16)  NOT NULL CHECK (outcome IN ('RESERVED', 'REJECTED', 'RELEASED', 'CANCELLED')),
    customer_name  VARCHAR(100) NOT NULL,
    customer_email VARCHAR(254) NOT NULL,
    reason         VARCHAR(1000),
    decided_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE reservation (
    id          BIGSERIAL   PRIMARY KEY,
    order_id    UUID        NOT NULL REFERENCES order_decision (order_id),
    sku         VARCHAR(40) NOT NULL REFERENCES product (sku),
    quantity    INT         NOT NULL CHECK (quantity > 0),
    status      VARCHAR(16) NOT NULL CHECK (status IN ('RESERVED', 'RELEASED')),
    created_at  TIMESTAMPTZ NOT NULL,
    released_at TIMESTAMPTZ,
    UNIQUE (order_id, sku)
);
CREATE INDEX reservation_created ON reservation (created_at DESC);

-- The notification inbox: every message sent to a customer or to staff, whatever the channel.
CREATE TABLE notification (
    id         UUID          PRIMARY KEY,
    audience   VARCHAR(16)   NOT NULL CHECK (audience IN ('CUSTOMER', 'STAFF')),
    recipient  VARCHAR(254)  NOT NULL,
    channel    VARCHAR(40)   NOT NULL,
    subject    VARCHAR(200)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    order_id   UUID,
    sku        VARCHAR(40),
    created_at TIMESTAMPTZ   NOT NULL
);
CREATE INDEX notification_created ON notification (created_at DESC);
CREATE INDEX notification_order ON notification (order_id, created_at DESC);
CREATE INDEX notification_recipient ON notification (recipient, created_at DESC);
