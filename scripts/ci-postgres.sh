#!/usr/bin/env bash
# Installs Debian's PostgreSQL and starts a throwaway server on loopback for the test run.
# Prints the SQLAlchemy URL of an empty database to use as ARTICLE_FACTS_TEST_POSTGRES_URL.
#   scripts/ci-postgres.sh start   # install if needed, start, print the URL
#   scripts/ci-postgres.sh stop
# Run as root (CI is): the server runs as the postgres user, with its files under $PGROOT.
set -euo pipefail

PGROOT="${PGROOT:-/tmp/article-facts-pg}"
PGPORT="${PGPORT:-55432}"

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "${1:-start}" in
  start)
    if [ -z "$(bin_dir)" ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update >&2
      apt-get install -y --no-install-recommends postgresql postgresql-contrib >&2
    fi
    bin="$(bin_dir)"
    if ! su postgres -c "$bin/pg_ctl -D $PGROOT/data status" >/dev/null 2>&1; then
      rm -rf "$PGROOT" && mkdir -p "$PGROOT" && chown postgres "$PGROOT"
      su postgres -c "$bin/initdb -D $PGROOT/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >&2
      su postgres -c "$bin/pg_ctl -D $PGROOT/data -l $PGROOT/log -w start \
        -o '-k $PGROOT -c listen_addresses=127.0.0.1 -p $PGPORT -c fsync=off'" >&2
    fi
    echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    bin="$(bin_dir)"
    su postgres -c "$bin/pg_ctl -D $PGROOT/data -m fast stop" >&2 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
