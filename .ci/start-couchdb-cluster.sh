#!/usr/bin/env bash
# CI only: start a fresh three-node Apache CouchDB 3.4.3 cluster (n = 3) from
# ../shared/couchdb/start-cluster.sh with the project's shipped couchdb/local.ini in every node's
# etc/local.d, and print the variables the suite reads (tests/apache/couchdb-env.ts).
#   .ci/start-couchdb-cluster.sh [BASEPORT] [DIR]      # HTTP on BASEPORT..BASEPORT+2
#
# local.d is read after local.ini, so the shipped file must not repeat what start-cluster.sh
# and _cluster_setup wrote into each node's local.ini: single_node (a cluster node must not
# create single-node system databases), [chttpd] port (one per node) and bind_address (the
# setup API rewrote it to 127.1). uuid, [chttpd_auth] secret and the admin hash stay in
# local.ini, identical on the three nodes; the shipped file sets none of them.
#
# Idempotent-ish: a cluster already running in DIR with the same settings is reused as it is;
# anything else in DIR (stopped, half-made, other settings) is stopped and made afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
BASEPORT=${1:-5991}
DIR=${2:-/tmp/byttebank-ci-cluster}
SHARED=$(realpath ../shared/couchdb)
AUTH=admin:admin
NODES="1 2 3"
url() { echo "http://127.0.0.1:$((BASEPORT + $1 - 1))"; }

cluster_ini() {
	echo "; couchdb/local.ini for a cluster node, written by .ci/start-couchdb-cluster.sh:"
	echo "; single_node, [chttpd] port and bind_address left to this node's local.ini"
	awk '
		/^\[/ { section = $0 }
		section == "[couchdb]" && $1 == "single_node" { next }
		section == "[chttpd]" && ($1 == "port" || $1 == "bind_address") { next }
		{ print }
	' couchdb/local.ini
}

up() { [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(url "$1")/_up")" = 200 ]; }
wait_up() {
	for _ in $(seq 1 240); do up "$1" && return 0; sleep 0.25; done
	echo "node$1 did not answer $(url "$1")/_up; log: $DIR/node$1/var/log/couchdb.log" >&2
	exit 1
}
members() { # node I -> sorted cluster_nodes, space-separated
	curl -s -u "$AUTH" "$(url "$1")/_membership" \
		| sed -nE 's/.*"cluster_nodes":\[([^]]*)\].*/\1/p' | tr -d '"' | tr ',' '\n' | sort | tr '\n' ' '
}
wait_members() {
	for _ in $(seq 1 240); do
		[ "$(members "$1")" = "node1@127.0.0.1 node2@127.0.0.1 node3@127.0.0.1 " ] && return 0
		sleep 0.25
	done
	echo "node$1 /_membership does not list three nodes: $(members "$1")" >&2
	exit 1
}
config() { curl -s -u "$AUTH" "$(url "$1")/_node/_local/_config/$2"; }
ready() { # the running cluster in DIR has three members and the shipped settings, as now written
	for i in $NODES; do
		up "$i" && [ "$(members "$i")" = "node1@127.0.0.1 node2@127.0.0.1 node3@127.0.0.1 " ] \
			&& cmp -s <(cluster_ini) "$DIR/node$i/etc/local.d/byttebank.ini" \
			&& [ "$(config "$i" chttpd/require_valid_user_except_for_up)" = '"false"' ] || return 1
	done
}

if ! ready 2>/dev/null; then
	[ -d "$DIR" ] && "$SHARED/stop-cluster.sh" "$DIR" >&2 || true
	FRESH=1 "$SHARED/start-cluster.sh" "$BASEPORT" "$DIR" >&2
	for i in $NODES; do cluster_ini > "$DIR/node$i/etc/local.d/byttebank.ini"; done
	# The nodes read local.d only at start: stop all three, start all three, wait for them.
	"$SHARED/stop-cluster.sh" "$DIR" >&2
	for i in $NODES; do NOWAIT=1 "$DIR/node$i/start-node.sh" >&2; done
	for i in $NODES; do wait_up "$i"; done
	for i in $NODES; do wait_members "$i"; done
fi

for i in $NODES; do
	value=$(config "$i" chttpd/require_valid_user_except_for_up)
	[ "$value" = '"false"' ] || { echo "node$i: the shipped local.ini is not active (require_valid_user_except_for_up = $value)" >&2; exit 1; }
	single=$(config "$i" couchdb/single_node)
	case "$single" in *true*) echo "node$i: single_node is on in a cluster ($single)" >&2; exit 1;; esac
done
for key in couchdb/uuid chttpd_auth/secret; do
	v1=$(config 1 "$key"); v2=$(config 2 "$key"); v3=$(config 3 "$key")
	[ "$v1" = "$v2" ] && [ "$v2" = "$v3" ] || { echo "[$key] differs between the nodes" >&2; exit 1; }
done
echo "export COUCHDB_TEST_CLUSTER_URLS=$(url 1),$(url 2),$(url 3) COUCHDB_TEST_CLUSTER_DIR=$DIR"
