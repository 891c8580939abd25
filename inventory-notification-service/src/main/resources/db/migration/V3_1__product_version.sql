-- Every change of a product raises its version, and every ProductSnapshot carries it: a catalog replica applies a
-- snapshot only when it is newer than what it holds, so replaying old snapshots can never roll a price back. A trigger
-- rather than the application's UPDATEs, so that no change - including one made by hand in psql - can forget it.
ALTER TABLE product ADD COLUMN version BIGINT NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE FUNCTION product_next_version() RETURNS trigger AS $$
BEGIN
    NEW.version := OLD.version + 1;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER product_version BEFORE UPDATE ON product
    FOR EACH ROW EXECUTE FUNCTION product_next_version();
