#!/usr/bin/env bash
# CI only: start a fresh single Apache CouchDB 3.4.3 node from ../shared/couchdb with the
# project's shipped couchdb/local.ini in local.d (the README's "Running against Apache CouchDB"),
# leave DIR/start-node.sh for the kill test, and print the variables the suite reads.
#   .ci/start-couchdb.sh [PORT] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-5984}
DIR=${2:-/tmp/byttebank-ci-couchdb}
SHARED=$(realpath ../shared/couchdb)

if [ -f "$DIR/couchdb.pid" ] && kill -0 "$(cat "$DIR/couchdb.pid")" 2>/dev/null; then
	kill "$(cat "$DIR/couchdb.pid")"; sleep 2
fi
FRESH=1 "$SHARED/start.sh" "$PORT" "$DIR" >&2
mkdir -p "$DIR/etc/local.d"
sed -e "s/^port = 5984$/port = $PORT/" couchdb/local.ini > "$DIR/etc/local.d/byttebank.ini"
kill "$(cat "$DIR/couchdb.pid")"
for _ in $(seq 1 100); do kill -0 "$(cat "$DIR/couchdb.pid")" 2>/dev/null || break; sleep 0.1; done

# Started the way start.sh starts it (detached, pid file, log), so a test can kill and restart it.
.ci/write-start-node.sh "$DIR" >&2
"$DIR/start-node.sh" >&2

value=$(curl -fs -u admin:admin "http://127.0.0.1:$PORT/_node/_local/_config/chttpd/require_valid_user_except_for_up")
[ "$value" = '"false"' ] || { echo "the shipped local.ini is not active (require_valid_user_except_for_up = $value)" >&2; exit 1; }
echo "export COUCHDB_TEST_URL=http://127.0.0.1:$PORT COUCHDB_TEST_ADMIN=admin:admin COUCHDB_TEST_NODE_DIR=$DIR"
