# Shared by moto.sh and docker-registry.sh (sourced, not run): waiting until a server answers, and stopping it.

# await_http NAME URL PIDFILE LOG [FATAL_TEXT]
# Polls URL until it answers with a 2xx, for at most 60 s. Fails at once, with the server's log, when the process
# recorded in PIDFILE has exited or the log holds FATAL_TEXT (the run command wrote why it could not start).
await_http() {
  local name=$1 url=$2 pidfile=$3 log=$4 fatal=${5:-}
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if python3 - "$url" <<'PY' 2>/dev/null
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=2).read()
PY
    then
      echo "$name is ready on $url (log: $log)"
      return 0
    fi
    if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      echo "$name ($url) exited:" >&2
      cat "$log" >&2 || true
      return 1
    fi
    if [ -n "$fatal" ] && [ -f "$log" ] && grep -qF "$fatal" "$log"; then
      cat "$log" >&2
      return 1
    fi
    sleep 0.2 # the interval between two polls, not a guess at how long start-up takes
  done
  echo "$name did not answer on $url within 60 s; log: $log" >&2
  cat "$log" >&2 || true
  return 1
}

# stop_pidfile PIDFILE
# Stops only the process recorded in PIDFILE: SIGTERM, up to 5 s for it to exit, then SIGKILL.
stop_pidfile() {
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
