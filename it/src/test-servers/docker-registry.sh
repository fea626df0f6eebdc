#!/usr/bin/env bash
# Runs a local docker-registry (Debian's distribution 2.8, anonymous, plain HTTP on loopback) for the image ITs.
#   docker-registry.sh run   PORT DIR   start it on 127.0.0.1:PORT in the foreground (exec); config, storage, pid, log in DIR
#   docker-registry.sh await PORT DIR   wait until /v2/ answers (fails with its log when it died or never answered)
#   docker-registry.sh stop  PORT DIR   stop it (only the process recorded in DIR/registry.pid)
# Installs docker-registry with ../../../scripts/ensure-docker-registry.sh when it is missing.
set -euo pipefail
# shellcheck source=server-lib.sh
source "$(dirname "$0")/server-lib.sh"
cmd=${1:?usage: docker-registry.sh run|await|stop PORT DIR}
port=${2:?port}
dir=${3:?directory for config, storage, pid and log}
mkdir -p "$dir"
pidfile="$dir/registry.pid"
log="$dir/registry.log"
here=$(cd "$(dirname "$0")" && pwd)

case "$cmd" in
  run)
    if ! "$here/../../../scripts/ensure-docker-registry.sh" >"$dir/ensure.log" 2>&1; then
      { echo "docker-registry is missing and could not be installed:"; cat "$dir/ensure.log"; } | tee "$log" >&2
      exit 1
    fi
    bin=$(command -v docker-registry || echo /usr/bin/docker-registry)
    rm -rf "$dir/storage" # every IT build starts with an empty registry, as it does with a fresh moto
    cat >"$dir/config.yml" <<YML
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  secret: it-$port-$$
YML
    echo $$ > "$pidfile"
    # stopped by SIGTERM (stop, or the build ending): stop the registry too and exit 0, as a clean stop is no error
    "$bin" serve "$dir/config.yml" >"$log" 2>&1 &
    child=$!
    trap 'kill "$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; exit 0' TERM INT
    wait "$child"
    ;;
  await)
    await_http docker-registry "http://127.0.0.1:$port/v2/" "$pidfile" "$log"
    ;;
  stop)
    stop_pidfile "$pidfile"
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
