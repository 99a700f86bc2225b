#!/bin/sh
# Runs once, when the compose PostgreSQL volume is new. Per subgraph: a database, its owner role
# (migrations and demo data) and the application role the service runs as, which owns nothing,
# so the tables' row-level-security policies bind it.
set -eu
for spec in \
  "civil_affairs:$CIVIL_AFFAIRS_DB_PASSWORD:$CIVIL_AFFAIRS_APP_DB_PASSWORD" \
  "education:$EDUCATION_DB_PASSWORD:$EDUCATION_APP_DB_PASSWORD" \
  "womens_federation:$WOMENS_FEDERATION_DB_PASSWORD:$WOMENS_FEDERATION_APP_DB_PASSWORD"; do
  name="${spec%%:*}"
  rest="${spec#*:}"
  owner_password="${rest%%:*}"
  app_password="${rest#*:}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v app="${name}_app" -v owner_password="$owner_password" -v app_password="$app_password" <<'SQL'
CREATE ROLE :"name" LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE :"app" LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD :'app_password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"name" TO :"app";
SQL
done
