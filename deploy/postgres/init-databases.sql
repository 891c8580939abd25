-- One database per service, each with its own role: none of them a superuser, each may connect to its own database
-- only (documentation/architecture.md, "Who may do what"). Run by psql 15+ as a superuser:
--   docker compose: the postgres image runs it once on an empty data volume (/docker-entrypoint-initdb.d);
--   ./start.sh:     on every start (it is idempotent: it creates what is missing and sets the passwords again),
--                   with -v prefix=$LOCAL_STACK_DB_PREFIX when two checkouts share a server.
-- Passwords come from the environment (.env.example has the local defaults); a missing one stops the script.
--   orders, inventory   own their database; the service connects as that role and runs its migrations.
--   audit_owner         owns the audit database and runs audit-service's migrations (flyway.datasources.default.user).
--   audit               what audit-service connects as: INSERT and SELECT on the journal, never UPDATE or DELETE
--                       (granted by audit-service's migration V3__service_role_privileges.sql).
\set ON_ERROR_STOP on
\if :{?prefix}
\else
\set prefix ''
\endif
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

CREATE TEMPORARY TABLE service_role (role TEXT, password TEXT, database TEXT, owns BOOLEAN);
INSERT INTO service_role VALUES
    (:'prefix' || 'orders', :'orders_password', :'prefix' || 'orders', TRUE),
    (:'prefix' || 'inventory', :'inventory_password', :'prefix' || 'inventory', TRUE),
    (:'prefix' || 'audit_owner', :'audit_owner_password', :'prefix' || 'audit', TRUE),
    (:'prefix' || 'audit', :'audit_password', :'prefix' || 'audit', FALSE);

SELECT format('CREATE ROLE %I', role) FROM service_role
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role) \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD %L', role, password)
  FROM service_role \gexec

SELECT format('CREATE DATABASE %I OWNER %I', database, role) FROM service_role
 WHERE owns AND NOT EXISTS (SELECT FROM pg_database WHERE datname = database) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', database, role) FROM service_role WHERE owns \gexec
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', database) FROM service_role WHERE owns \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', database, role) FROM service_role WHERE NOT owns \gexec
DROP TABLE service_role;
