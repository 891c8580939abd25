-- The version of the inventory product row a snapshot was taken from. The replica applies a snapshot only when it is
-- newer, so a replayed old snapshot cannot roll a price back. NULL: the row came from a snapshot written before
-- snapshots carried versions; any snapshot may replace it.
ALTER TABLE catalog_product ADD COLUMN version BIGINT;
