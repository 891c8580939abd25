-- Least privilege for the journal. These migrations run as the audit database's owner (flyway.datasources.default
-- user, e.g. audit_owner); audit-service itself connects as the role ${grantee}, which owns nothing and gets here
-- only what it needs. It may add to the journal and read it, but never change or remove a row: UPDATE, DELETE and TRUNCATE on
-- journal_entry are not granted, so PostgreSQL refuses them with "permission denied" before the append-only trigger
-- (V1) is even asked. Rows leave only with the whole database.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee};
REVOKE UPDATE, DELETE, TRUNCATE ON journal_entry FROM ${grantee};
-- Flyway's own history: readable (the service's start-up check that nothing is pending), never writable.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM ${grantee};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee};

-- Tables that later migrations add (outbox-like working tables) are usable by the service without a grant of their
-- own. A table that must stay append-only like the journal revokes UPDATE and DELETE in its own migration.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${grantee};
