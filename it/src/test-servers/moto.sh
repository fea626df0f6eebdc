#!/usr/bin/env bash
# Runs a local moto_server (S3, Lambda, IAM, STS) for the integration tests and the README demo.
#   moto.sh run   PORT DIR   start moto on 127.0.0.1:PORT in the foreground (exec), pid in DIR/moto.pid, log in DIR/moto.log
#   moto.sh start PORT DIR   the same in the background
#   moto.sh await PORT DIR   wait until it answers (fails with its log when it died or never answered)
#   moto.sh stop  PORT DIR   stop it (only the process recorded in DIR/moto.pid)
set -euo pipefail
# shellcheck source=server-lib.sh
source "$(dirname "$0")/server-lib.sh"
cmd=${1:?usage: moto.sh run|start|await|stop PORT DIR}
port=${2:?port}
dir=${3:?directory for pid and log}
mkdir -p "$dir"
pidfile="$dir/moto.pid"
log="$dir/moto.log"
hint='moto_server not found. Install it with: pip install "moto[server]" (it must be on the PATH as moto_server, or importable by python3 as moto.server)'

moto_command() {
  if command -v moto_server >/dev/null 2>&1; then
    echo moto_server
  elif command -v python3 >/dev/null 2>&1 && python3 -c 'import moto.server' >/dev/null 2>&1; then
    echo "python3 -m moto.server"
  else
    return 1
  fi
}

case "$cmd" in
  run)
    if ! moto=$(moto_command); then
      echo "$hint" | tee "$log" >&2
      exit 1
    fi
    echo $$ > "$pidfile"
    # moto's own boto session must not pick up the caller's AWS settings
    for v in $(env | grep -o '^AWS_[A-Z_]*' || true); do unset "$v"; done
    exec $moto -H 127.0.0.1 -p "$port" >"$log" 2>&1
    ;;
  start)
    "$0" run "$port" "$dir" &
    ;;
  await)
    await_http moto_server "http://127.0.0.1:$port/moto-api/" "$pidfile" "$log" 'moto_server not found'
    ;;
  stop)
    stop_pidfile "$pidfile"
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
