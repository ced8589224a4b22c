#!/usr/bin/env bash
# Back up the PostgreSQL database named by DATABASE_URL to one custom-format dump file.
#   ops/backup.sh [FILE]     default: backups/factcheck-YYYYmmddTHHMMSSZ.dump
# The dump is consistent (one snapshot) and can be taken while the app runs.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to back up (postgres://...)}"
file="${1:-backups/factcheck-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"
# Written under a temporary name first, so a failed dump never looks like a backup.
pg_dump --dbname="$DATABASE_URL" --format=custom --compress=6 --no-owner --no-privileges \
  --file="$file.partial"
mv "$file.partial" "$file"
echo "$file"
