#!/usr/bin/env bash
# CI only: write DIR/start-node.sh for a single CouchDB node made by ../shared/couchdb/start.sh,
# the same restart the cluster nodes of start-cluster.sh have, so the kill test
# (tests/apache/couchdb-kill.test.ts) can start the node again after each SIGKILL.
#   .ci/write-start-node.sh DIR
# DIR/start-node.sh starts DIR/bin/couchdb detached as start.sh does (setsid, pid in
# DIR/couchdb.pid, console log appended to DIR/var/log/couchdb.log) and waits for /_up
# (NOWAIT=1: does not wait). It does nothing if that node already runs.
set -euo pipefail
DIR=$(realpath "${1:?usage: write-start-node.sh DIR}")
[ -x "$DIR/bin/couchdb" ] || { echo "no CouchDB release in $DIR" >&2; exit 1; }
cat > "$DIR/start-node.sh" <<'EOS'
#!/usr/bin/env bash
# start-node.sh - start this CouchDB node detached (written by .ci/write-start-node.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")" && pwd -P)
# The port the node listens on: local.d (read last) wins over local.ini.
PORT=$(cat "$ROOT/etc/local.ini" "$ROOT"/etc/local.d/*.ini 2>/dev/null \
	| awk '$0=="[chttpd]"{s=1;next} /^\[/{s=0} s && $1=="port"{p=$3} END{print p}')
WAIT=${WAIT:-120}
if [ -f "$ROOT/couchdb.pid" ]; then
	p=$(cat "$ROOT/couchdb.pid")
	if [ -r "/proc/$p/cmdline" ] && tr '\0' ' ' < "/proc/$p/cmdline" | grep -qF -- "-root $ROOT/bin"; then
		echo "already running: pid $p"; exit 0
	fi
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
	echo "port $PORT is in use" >&2; exit 1
fi
mkdir -p "$ROOT/var/log" "$ROOT/data"
cd "$ROOT"
export ERL_EPMD_ADDRESS=${ERL_EPMD_ADDRESS:-127.0.0.1}
# bin/couchdb execs erlexec which execs beam.smp, so $! is the server's pid.
setsid nohup "$ROOT/bin/couchdb" >>"$ROOT/var/log/couchdb.log" 2>&1 </dev/null &
PID=$!
echo "$PID" > "$ROOT/couchdb.pid"
[ "${NOWAIT:-0}" = 1 ] && exit 0
for _ in $(seq 1 $((WAIT * 10))); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/_up")" = 200 ] && exit 0
	kill -0 "$PID" 2>/dev/null || { echo "node exited; see $ROOT/var/log/couchdb.log" >&2; tail -n 30 "$ROOT/var/log/couchdb.log" >&2; exit 1; }
	sleep 0.1
done
echo "no /_up on port $PORT after $WAIT s" >&2; exit 1
EOS
chmod +x "$DIR/start-node.sh"
echo "$DIR/start-node.sh"
