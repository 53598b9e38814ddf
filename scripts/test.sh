#!/usr/bin/env bash
# The project's test command: formatting, lints, every test, the extraction evaluations
# (when ../shared is present) and the real-window smoke test under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== cargo fmt --check"; cargo fmt --check
echo "== cargo clippy"; cargo clippy --all-targets -- -D warnings
echo "== cargo test"; cargo test
echo "== smoke test"; bash scripts/smoke.sh target/debug/demarche
