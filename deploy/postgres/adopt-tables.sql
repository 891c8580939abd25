-- Run by ./start.sh in each service database after init-databases.sql: a database made before the services had roles
-- of their own (an older ./start.sh) has tables owned by the superuser; they (and their sequences) are given to the
-- database's owner, so its migrations can go on. Nothing to do on a new database.
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                     AND pg_get_userbyid(c.relowner) <> (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) LOOP
        EXECUTE format('ALTER %s public.%I OWNER TO %I',
                       CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                       object.relname, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()));
    END LOOP;
END
$$;
