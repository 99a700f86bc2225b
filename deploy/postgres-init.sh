#!/bin/sh
# Runs once, when the compose PostgreSQL volume is new. Per subgraph: a database, its owner role
# (migrations and demo data; creates the agency's subscriptions, hence pg_create_subscription),
# the application role the service runs as, which owns nothing, so the tables' row-level-security
# policies bind it, and the feed role (REPLICATION) through which subscribers read the agency's
# published sets and nothing else (the migrations grant it SELECT on those alone).
set -eu
for spec in \
  "civil_affairs:$CIVIL_AFFAIRS_DB_PASSWORD:$CIVIL_AFFAIRS_APP_DB_PASSWORD:$CIVIL_AFFAIRS_FEED_DB_PASSWORD" \
  "education:$EDUCATION_DB_PASSWORD:$EDUCATION_APP_DB_PASSWORD:$EDUCATION_FEED_DB_PASSWORD" \
  "womens_federation:$WOMENS_FEDERATION_DB_PASSWORD:$WOMENS_FEDERATION_APP_DB_PASSWORD:$WOMENS_FEDERATION_FEED_DB_PASSWORD"; do
  name="${spec%%:*}"
  rest="${spec#*:}"
  owner_password="${rest%%:*}"
  rest="${rest#*:}"
  app_password="${rest%%:*}"
  feed_password="${rest#*:}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v app="${name}_app" -v feed="${name}_feed" \
    -v owner_password="$owner_password" -v app_password="$app_password" -v feed_password="$feed_password" <<'SQL'
CREATE ROLE :"name" LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app_password';
CREATE ROLE :"feed" LOGIN NOSUPERUSER NOBYPASSRLS REPLICATION PASSWORD :'feed_password';
GRANT pg_create_subscription TO :"name";
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"name" TO :"app", :"feed";
SQL
done
