#!/usr/bin/env bash
# Kills the real app and checks that nothing is lost: under a private Xvfb, starts the app on
# an article (an import is an unsaved change), waits for its recovery file, kills it with
# SIGKILL, starts it again and checks that it offers the work back (and that a stale
# temporary file of a killed write is gone). Then SIGTERM on an app with unsaved changes:
# it must keep them as recovery data and exit by itself.
# Usage: scripts/recovery-test.sh [BINARY]   (default: target/debug/demarche)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/debug/demarche}
[ -x "$BIN" ] || { echo "recovery-test: $BIN not built" >&2; exit 2; }
for t in Xvfb xdotool; do command -v $t >/dev/null || { echo "recovery-test: $t missing (scripts/install-test-deps.sh)" >&2; exit 2; }; done
OUT=target/recovery-test; rm -rf "$OUT"; mkdir -p "$OUT"
rm -f "$OUT/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$OUT/display" >"$OUT/xvfb.log" 2>&1 &
XPID=$!
APID=""
cleanup() { [ -n "$APID" ] && kill -9 "$APID" 2>/dev/null; kill "$XPID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$OUT/display" ] && break; sleep 0.1; done
[ -s "$OUT/display" ] || { echo "recovery-test: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(tr -d '[:space:]' < "$OUT/display")
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then export XDG_RUNTIME_DIR=/tmp/xdg-$(id -u); mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"; fi
export WINIT_X11_SCALE_FACTOR=1
export HOME=$(mktemp -d)
unset XDG_DATA_HOME XDG_CONFIG_HOME
RECOVERY="$HOME/.local/share/demarche/recovery"
ARTICLE=assets/demo/2026-10-12_harbour-wire_survey-ship.txt

start_app() { # name args...
  local name=$1; shift
  env -u WAYLAND_DISPLAY "$BIN" "$@" >"$OUT/$name.log" 2>&1 &
  APID=$!
  local deadline=$((SECONDS + 90))
  while [ $SECONDS -lt $deadline ]; do
    xdotool search --onlyvisible --name '^Demarche' >/dev/null 2>&1 && return 0
    kill -0 "$APID" 2>/dev/null || { tail -20 "$OUT/$name.log" >&2; echo "recovery-test: $name: app exited early" >&2; exit 1; }
    sleep 0.3
  done
  echo "recovery-test: $name: no window within 90 s" >&2; exit 1
}

wait_for_recovery_files() { # count
  local deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(ls "$RECOVERY"/*/session.ron 2>/dev/null | wc -l)" -ge "$1" ] && return 0
    sleep 0.3
  done
  echo "recovery-test: no recovery file within 30 s" >&2; ls -laR "$RECOVERY" >&2 || true; exit 1
}

# 1. Unsaved work survives SIGKILL and is offered at the next start.
start_app killed "$ARTICLE"
wait_for_recovery_files 1
sleep 1
kill -9 "$APID"; wait "$APID" 2>/dev/null || true; APID=""
LEFT=$(ls -d "$RECOVERY"/*/ | head -1)
[ -s "$LEFT/session.ron" ] || { echo "recovery-test: the recovery file did not survive the kill" >&2; exit 1; }
# A temporary file of a write killed half-way, an hour old.
echo "(version: 1, sess" > "$LEFT/.session.ron.99999-0.tmp"
touch -d '1 hour ago' "$LEFT/.session.ron.99999-0.tmp"
start_app restarted
sleep 2
grep -q "unsaved work from .* can be restored" "$OUT/restarted.log" || { cat "$OUT/restarted.log" >&2; echo "recovery-test: no offer to restore" >&2; exit 1; }
[ ! -e "$LEFT/.session.ron.99999-0.tmp" ] || { echo "recovery-test: stale temporary file left" >&2; exit 1; }
command -v import >/dev/null && import -window root "$OUT/offer.png" || true
echo "recovery-test: SIGKILL: the unsaved work was offered back after the restart"

# 2. SIGTERM on an app with unsaved changes keeps them and closes the app.
kill -TERM "$APID"
for _ in $(seq 50); do kill -0 "$APID" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$APID" 2>/dev/null; then echo "recovery-test: SIGTERM did not close the app" >&2; exit 1; fi
wait "$APID" 2>/dev/null || true; APID=""
rm -rf "$RECOVERY"
start_app terminated "$ARTICLE"
# Once the import has landed the title shows the unsaved mark; the signal comes at once,
# before the first recovery write is due.
for _ in $(seq 100); do
  xdotool search --onlyvisible --name '^Demarche.*•' >/dev/null 2>&1 && break
  sleep 0.1
done
kill -TERM "$APID"
for _ in $(seq 100); do kill -0 "$APID" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$APID" 2>/dev/null; then echo "recovery-test: SIGTERM did not close the app" >&2; exit 1; fi
wait "$APID" 2>/dev/null || true; APID=""
[ "$(ls "$RECOVERY"/*/session.ron 2>/dev/null | wc -l)" -ge 1 ] || { echo "recovery-test: SIGTERM lost the unsaved work" >&2; cat "$OUT/terminated.log" >&2; exit 1; }
echo "recovery-test: SIGTERM: unsaved work kept, app closed"
echo "recovery-test: 2 passed, 0 failed"
