#!/usr/bin/env bash
# Writes what `demarche extract` finds on the dev sets and on long generated articles, one
# JSONL file per input set, so two builds can be compared line for line:
#
#   scripts/extract-snapshot.sh BIN OUT_DIR [JOBS]
#   diff -r OUT_BEFORE OUT_AFTER          # no output: the same statements, speakers, spans
#
# The long articles (one dev article repeated, and every dev article one after another) are
# built in OUT_DIR/inputs at run time and never committed: corpus text stays in ../shared.
set -euo pipefail

bin=${1:?usage: extract-snapshot.sh BIN OUT_DIR [JOBS]}
out=${2:?usage: extract-snapshot.sh BIN OUT_DIR [JOBS]}
jobs=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
[ -d "$shared/polnear/dev/text" ] || { echo "no ../shared next to the worktree" >&2; exit 1; }
mkdir -p "$out/inputs"
extra=()
[ -n "$jobs" ] && extra=(-j "$jobs")

# Relative paths, so two snapshots taken from different worktrees compare equal.
run() {
    local name=$1
    shift
    (cd "$shared/.." && "$bin" extract "${extra[@]}" "$@") >"$out/$name.jsonl"
}

run corpus $(cd "$shared/.." && ls shared/corpus/*.txt shared/corpus/*.html shared/corpus/*.md)
run polnear $(cd "$shared/.." && ls shared/polnear/dev/text/*.txt)

# Long texts: one article repeated to ~1 MB (names repeat as in a long report), and the
# whole dev split as one text (many different people).
python3 - "$shared/polnear/dev/text" "$out/inputs" <<'EOF'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(src))
def read(n):
    with open(os.path.join(src, n), encoding="utf-8") as f:
        return f.read().strip() + "\n\n"
for n in ["nyt_2016-09-08_obama-on-climate-change-the-tren.txt",
          "breitbart_2016-09-30_the-latest-trump-urges-supporter.txt"]:
    one = read(n)
    text = one * (1_000_000 // len(one.encode()) + 1)
    with open(os.path.join(dst, "repeat-" + n), "w", encoding="utf-8") as f:
        f.write(text)
with open(os.path.join(dst, "all-dev.txt"), "w", encoding="utf-8") as f:
    f.write("".join(read(n) for n in names))
EOF
for f in "$out"/inputs/*.txt; do
    (cd "$out/inputs" && "$bin" extract "${extra[@]}" "$(basename "$f")") \
        >"$out/long-$(basename "$f" .txt).jsonl"
done
wc -l "$out"/*.jsonl
