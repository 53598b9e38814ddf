#!/usr/bin/env bash
# Long fuzz-style runs of the property tests in tests/fuzz.rs (not part of CI, which runs a
# few dozen cases per target). Each target runs for MINUTES minutes (default 10) in batches
# of BATCH cases (default 300), each batch with a fresh random seed. Debug build, so integer
# overflow panics too. Stops at the first failure and prints proptest's minimal input.
# Usage: scripts/fuzz.sh [MINUTES] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
shift || true
BATCH=${BATCH:-300}
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(reading_any_bytes_never_panics
           extraction_never_panics_and_keeps_offsets_in_the_text
           comparison_never_panics
           mutated_real_sessions_never_panic_and_open_only_when_sound
           session_parsing_never_panics_on_any_text)
fi
# Build once and run a copy of the test binary, so that editing or rebuilding the checkout
# during a long run neither disturbs it nor is held up by it.
built=$(cargo test --no-default-features --test fuzz --no-run 2>&1 | tee /dev/stderr |
  sed -n 's/.*Executable tests\/fuzz.rs (\(.*\))$/\1/p' | tail -1)
[ -x "$built" ] || { echo "fuzz: could not find the built test binary" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$built" "$WORK/fuzz"
LOG="$WORK/log"
for target in "${TARGETS[@]}"; do
  end=$((SECONDS + MINUTES * 60))
  batches=0
  while [ $SECONDS -lt $end ]; do
    if ! PROPTEST_CASES=$BATCH "$WORK/fuzz" --exact "$target" >"$LOG" 2>&1; then
      cat "$LOG"
      echo "fuzz: $target FAILED after $batches batches of $BATCH cases"
      exit 1
    fi
    batches=$((batches + 1))
  done
  echo "fuzz: $target: $((batches * BATCH)) cases in $MINUTES min, no failure"
done
