#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis are installed and running on their standard local ports,
# installing them with apt-get (as root on Debian) and starting them when needed.
set -euo pipefail

PGHOST=${PGHOST:-127.0.0.1}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

postgres_up() { pg_isready -q -h "$PGHOST" -p 5432 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

if ! command -v pg_isready >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if ! postgres_up; then
    echo "Installing PostgreSQL..."
    apt_install postgresql postgresql-contrib
  fi
fi
if ! postgres_up; then
  echo "Starting PostgreSQL..."
  if command -v pg_ctlcluster >/dev/null; then
    for cluster in $(pg_lsclusters -h 2>/dev/null | awk '{print $1"/"$2}'); do
      as_root pg_ctlcluster "${cluster%/*}" "${cluster#*/}" start || true
    done
  fi
  postgres_up || as_root service postgresql start || true
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
fi
postgres_up || { echo "PostgreSQL is not reachable on $PGHOST:5432" >&2; exit 1; }

# Tests connect as postgres over TCP without a password (trust), as on the CI machines.
if ! psql -h "$PGHOST" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  echo "Allowing local trust authentication for PostgreSQL..."
  hba=$(as_root su postgres -c "psql -tAc 'show hba_file'")
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  as_root su postgres -c "psql -tAc 'select pg_reload_conf()'" >/dev/null
fi

if ! command -v redis-server >/dev/null && ! redis_up; then
  echo "Installing Redis..."
  apt_install redis-server
fi
if ! redis_up; then
  echo "Starting Redis..."
  as_root service redis-server start >/dev/null 2>&1 || redis-server --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis_up && break; sleep 0.5; done
fi
redis_up || { echo "Redis is not reachable on 127.0.0.1:6379" >&2; exit 1; }
echo "PostgreSQL and Redis are running."
