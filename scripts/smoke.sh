#!/usr/bin/env bash
# Real-window smoke test: starts the built app under a private Xvfb, on the demo session and
# on an article given on the command line; checks that the window appears and the process
# stays up; saves a screenshot of each under target/smoke/. The demo is also shown at
# 1024x640 and 1920x1080 with a statement selected from the keyboard (every panel filled),
# then with a comparison open: target/smoke/demo-WxH.png and demo-WxH-compare.png, then with
# two articles compared at their first shift and a phrase's timeline: demo-WxH-shifts.png and
# demo-WxH-timeline.png (the copies under docs/ come from here).
# Usage: scripts/smoke.sh [BINARY]   (default: target/debug/demarche)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/debug/demarche}
[ -x "$BIN" ] || { echo "smoke: $BIN not built (run cargo test or cargo build first)" >&2; exit 2; }
for t in Xvfb xdotool import; do command -v $t >/dev/null || { echo "smoke: $t missing (scripts/install-test-deps.sh)" >&2; exit 2; }; done
OUT=target/smoke; mkdir -p "$OUT"

# Xvfb picks a free display itself and writes its number to fd 3 (no race with other X servers);
# -noreset keeps it from resetting when one app exits, which refused the next app's connection.
rm -f "$OUT/display"
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp -noreset 3>"$OUT/display" >"$OUT/xvfb.log" 2>&1 &
XPID=$!
APID=""
cleanup() { [ -n "$APID" ] && kill "$APID" 2>/dev/null; kill "$XPID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 100); do [ -s "$OUT/display" ] && break; sleep 0.1; done
[ -s "$OUT/display" ] || { cat "$OUT/xvfb.log" >&2; echo "smoke: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$(tr -d '[:space:]' < "$OUT/display")
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then export XDG_RUNTIME_DIR=/tmp/xdg-$(id -u); mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"; fi
export WINIT_X11_SCALE_FACTOR=1
# Recent-sessions storage goes to a throwaway home so the run leaves nothing behind.
export HOME=$(mktemp -d)

# start_app NAME WxH [ARGS...]: starts the app on ARGS (log in $OUT/NAME.log), waits for its
# window, sizes it to WxH and sets APID and WID. Each start gets a home of its own: a case
# closed with unsaved work (an opened article) keeps a recovery copy, which the next case
# would otherwise offer back over its screenshots.
start_app() {
  local name=$1 size=$2; shift 2
  kill -0 "$XPID" 2>/dev/null || { echo "smoke: Xvfb is gone" >&2; exit 1; }
  HOME=$(mktemp -d) env -u WAYLAND_DISPLAY "$BIN" "$@" >"$OUT/$name.log" 2>&1 &
  APID=$!
  WID=""
  local deadline=$((SECONDS + 90))
  while [ $SECONDS -lt $deadline ]; do
    WID=$(xdotool search --onlyvisible --name '^Demarche' 2>/dev/null | head -1 || true)
    [ -n "$WID" ] && break
    kill -0 "$APID" 2>/dev/null || { tail -20 "$OUT/$name.log" >&2; echo "smoke: $name: app exited before its window appeared" >&2; exit 1; }
    sleep 0.3
  done
  [ -n "$WID" ] || { echo "smoke: $name: no Demarche window within 90 s" >&2; exit 1; }
  xdotool windowsize "$WID" "${size%x*}" "${size#*x}"
  sleep 4
}

# run_case NAME [--size WxH] [ARGS...]: the window is resized to WxH (default 1280x800); at
# a size other than the default the demo is driven from the keyboard (Down selects the first
# statement; Shift+Down and Enter compare two) and shot before and after the comparison.
run_case() {
  local name=$1; shift
  local size=1280x800
  if [ "${1:-}" = --size ]; then size=$2; shift 2; fi
  start_app "$name" "$size" "$@"
  local wid=$WID
  kill -0 "$APID" 2>/dev/null || { tail -20 "$OUT/$name.log" >&2; echo "smoke: $name: app died after its window appeared" >&2; exit 1; }
  if [ "$size" != 1280x800 ]; then
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    # A debug build on a software renderer takes a while per frame at 1920x1080: wait.
    xdotool key --window "$wid" Down; sleep 5
    import -window root -crop "${size}+0+0" "$OUT/$name.png"
    xdotool key --window "$wid" shift+Down; sleep 3
    xdotool key --window "$wid" Return; sleep 6
    kill -0 "$APID" 2>/dev/null || { tail -20 "$OUT/$name.log" >&2; echo "smoke: $name: app died while driven" >&2; exit 1; }
    import -window root -crop "${size}+0+0" "$OUT/$name-compare.png"
    echo "smoke: $name: screenshots $OUT/$name.png and $OUT/$name-compare.png"
    kill "$APID"; wait "$APID" 2>/dev/null || true; APID=""
    return
  fi
  import -window root -crop "${size}+0+0" "$OUT/$name.png"
  echo "smoke: $name: window '$(xdotool getwindowname "$wid")' up; screenshot $OUT/$name.png"
  kill "$APID"; wait "$APID" 2>/dev/null || true; APID=""
}

# run_shifts NAME WxH: the demo at WxH; two articles picked in the library (a click, then a
# Ctrl+click) and compared, F8 to the first shift (shot NAME-shifts.png), then Compare >
# Timeline of a Phrase (Ctrl+Shift+T) on "territory" (shot NAME-timeline.png).
run_shifts() {
  local name=$1 size=$2
  start_app "$name" "$size"
  local wid=$WID
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  # The library lists the demo's first two articles at these heights (points, scale 1).
  xdotool mousemove 100 334 click 1; sleep 3
  xdotool keydown ctrl; sleep 0.5; xdotool mousemove 100 371; sleep 0.5; xdotool click 1; sleep 0.5; xdotool keyup ctrl; sleep 3
  xdotool key --window "$wid" Return; sleep 12
  xdotool key --window "$wid" F8; sleep 6
  import -window root -crop "${size}+0+0" "$OUT/$name-shifts.png"
  xdotool key --window "$wid" ctrl+shift+t; sleep 4
  xdotool type --delay 60 --window "$wid" territory; sleep 2
  xdotool key --window "$wid" Return; sleep 10
  kill -0 "$APID" 2>/dev/null || { tail -20 "$OUT/$name.log" >&2; echo "smoke: $name: app died while driven" >&2; exit 1; }
  import -window root -crop "${size}+0+0" "$OUT/$name-timeline.png"
  echo "smoke: $name: screenshots $OUT/$name-shifts.png and $OUT/$name-timeline.png"
  kill "$APID"; wait "$APID" 2>/dev/null || true; APID=""
}

run_case demo
run_case article assets/demo/2026-10-12_harbour-wire_survey-ship.txt
run_case demo-1024x640 --size 1024x640
run_case demo-1920x1080 --size 1920x1080
run_shifts demo-1024x640 1024x640
run_shifts demo-1920x1080 1920x1080
echo "smoke: 6 passed, 0 failed"
