#!/usr/bin/env bash
# Restore a dump made by ops/backup.sh into the database named by DATABASE_URL.
#   ops/restore.sh FILE
# The target database must exist and should be empty (create it with createdb); objects
# that already exist are dropped first (--clean --if-exists). Stop web and workers first.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to restore into (postgres://...)}"
file="${1:?usage: ops/restore.sh FILE}"
[ -f "$file" ] || { echo "no such dump file: $file" >&2; exit 1; }
pg_restore --list "$file" >/dev/null  # refuses a file that is not a dump before touching the database
pg_restore --dbname="$DATABASE_URL" --clean --if-exists --no-owner --no-privileges \
  --exit-on-error --single-transaction "$file"
echo "restored $file"
