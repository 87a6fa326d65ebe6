#!/usr/bin/env bash
# The part of the official postgres image's entrypoint that Testcontainers and people rely on:
# on an empty data directory, initdb with POSTGRES_USER / POSTGRES_PASSWORD, a first server on
# the Unix socket only (not reachable from outside, so nobody connects to a half-made cluster;
# its "ready to accept connections" is the first of the two Testcontainers waits for) that
# creates POSTGRES_DB and runs /docker-entrypoint-initdb.d, then the real server in the
# foreground as PID 1's replacement.
set -Eeuo pipefail

# Options alone ("-c fsync=off") are options for postgres, as in the official image.
case "${1:-}" in
    -*) set -- postgres "$@" ;;
esac

init_cluster() {
    local user="${POSTGRES_USER:-postgres}"
    local db="${POSTGRES_DB:-$user}"
    local auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
    local pwfile=()
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
        printf '%s\n' "$POSTGRES_PASSWORD" > /tmp/.pgpass-init
        pwfile=(--pwfile=/tmp/.pgpass-init)
    elif [ "$auth" != trust ]; then
        echo "error: POSTGRES_PASSWORD is not set; set it, or POSTGRES_HOST_AUTH_METHOD=trust to accept every connection without one" >&2
        exit 1
    fi
    # shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of arguments, as in the official image
    initdb --username="$user" "${pwfile[@]}" --auth-local=trust --auth-host="$auth" \
        --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-}
    rm -f /tmp/.pgpass-init
    printf '\nhost all all all %s\n' "$auth" >> "$PGDATA/pg_hba.conf"
    printf "\nlisten_addresses = '*'\nunix_socket_directories = '/var/run/postgresql'\n" >> "$PGDATA/postgresql.conf"

    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
    local psql=(psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$user" --no-password)
    if [ "$db" != postgres ]; then
        "${psql[@]}" --dbname postgres --set db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db')\gexec
SQL
    fi
    local f
    shopt -s nullglob
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sh) echo "running $f"; bash "$f" ;;
            *.sql) echo "running $f"; "${psql[@]}" --dbname "$db" -f "$f" ;;
            *) echo "ignoring $f" ;;
        esac
    done
    shopt -u nullglob
    pg_ctl -D "$PGDATA" -m fast -w stop
    echo 'PostgreSQL init process complete; ready for start up.'
}

if [ "${1:-}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
    init_cluster
fi
exec "$@"
