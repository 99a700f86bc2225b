#!/bin/sh
# Runs once, when the compose PostgreSQL volume is new: one database and one login role per
# subgraph, each role owning its database and nothing else.
set -eu
for pair in "civil_affairs:$CIVIL_AFFAIRS_DB_PASSWORD" "education:$EDUCATION_DB_PASSWORD" "womens_federation:$WOMENS_FEDERATION_DB_PASSWORD"; do
  name="${pair%%:*}"
  password="${pair#*:}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
