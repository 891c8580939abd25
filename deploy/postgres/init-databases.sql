-- One database per service, each with its own role: none of them a superuser, each may connect to its own database
-- only (documentation/architecture.md, "Who may do what"). Run by psql 15+ as a superuser:
--   docker compose: the postgres image runs it once on an empty data volume (/docker-entrypoint-initdb.d);
--   ./start.sh:     on every start (it is idempotent: it creates what is missing and sets the passwords again).
-- Passwords come from the environment (.env.example has the local defaults); a missing one stops the script.
--   orders, inventory   own their database; the service connects as that role and runs its migrations.
--   audit_owner         owns the audit database and runs audit-service's migrations (flyway.datasources.default.user).
--   audit               what audit-service connects as: INSERT and SELECT on the journal, never UPDATE or DELETE
--                       (granted by audit-service's migration V3__service_role_privileges.sql).
\set ON_ERROR_STOP on
\getenv orders_password ORDERS_DB_PASSWORD
\getenv inventory_password INVENTORY_DB_PASSWORD
\getenv audit_password AUDIT_DB_PASSWORD
\getenv audit_owner_password AUDIT_OWNER_DB_PASSWORD
\if :{?orders_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'ORDERS_DB_PASSWORD is not set (see .env.example)'; END $$;
\endif
\if :{?inventory_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'INVENTORY_DB_PASSWORD is not set (see .env.example)'; END $$;
\endif
\if :{?audit_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'AUDIT_DB_PASSWORD is not set (see .env.example)'; END $$;
\endif
\if :{?audit_owner_password}
\else
DO $$ BEGIN RAISE EXCEPTION 'AUDIT_OWNER_DB_PASSWORD is not set (see .env.example)'; END $$;
\endif

SELECT format('CREATE ROLE %I', r) FROM unnest(ARRAY['orders', 'inventory', 'audit_owner', 'audit']) AS r
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE orders      LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'orders_password';
ALTER ROLE inventory   LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'inventory_password';
ALTER ROLE audit_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'audit_owner_password';
ALTER ROLE audit       LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'audit_password';

SELECT format('CREATE DATABASE %I OWNER %I', d, o)
  FROM (VALUES ('orders', 'orders'), ('inventory', 'inventory'), ('audit', 'audit_owner')) AS db(d, o)
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
ALTER DATABASE orders OWNER TO orders;
ALTER DATABASE inventory OWNER TO inventory;
ALTER DATABASE audit OWNER TO audit_owner;
REVOKE CONNECT, TEMPORARY ON DATABASE orders, inventory, audit FROM PUBLIC;
GRANT CONNECT ON DATABASE audit TO audit;
