-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d): one database per service.
-- ./start.sh creates the same databases on a server of the machine (see local-stack/bin and documentation/configuration.md).
CREATE DATABASE orders;
CREATE DATABASE inventory;
CREATE DATABASE audit;
