#!/usr/bin/env bash
# Peak resident memory when opening generated reports of 1k, 10k and 100k items, as a ratio to
# the report file's size (budget: ≤ 3×).
#
#   scripts/peak-rss.sh                       # builds the release binary, then 1k, 10k, 100k
#   scripts/peak-rss.sh 1000 10000            # other sizes
#   APPRAISE=path/to/appraise scripts/peak-rss.sh     # a binary already built
#
# For each size: `appraise gen --items N` writes the report (seed 42, the benchmarks' corpus);
# `appraise check REPORT` reads and validates it (peak RSS from GNU time); then the full app
# opens it in a detached 120×40 tmux pane under GNU time, the script waits for the first frame
# (the report's title on the screen), sends `q` (save and quit) and reads the app's peak RSS.
# Needs GNU time (/usr/bin/time) and tmux. Everything lives in a temp dir, config included.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
if [ -z "${APPRAISE:-}" ]; then
    cargo build --release --quiet
    APPRAISE="${CARGO_TARGET_DIR:-target}/release/appraise"
fi
APPRAISE=$(realpath "$APPRAISE")
for tool in /usr/bin/time tmux; do
    command -v "$tool" >/dev/null || { echo "peak-rss: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
session="appraise-rss-$$"
cleanup() {
    tmux kill-session -t "$session" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"

now_ms() { date +%s%3N; }

printf '%8s %9s %12s %7s %12s %7s %14s\n' items "file MB" "check MB" ratio "app MB" ratio "1st frame ms"
for n in "${sizes[@]}"; do
    report="$work/r$n.json"
    "$APPRAISE" gen --items "$n" -o "$report"
    bytes=$(stat -c %s "$report")

    /usr/bin/time -f %M -o "$work/check.kb" "$APPRAISE" check "$report" >/dev/null
    check_kb=$(tail -n 1 "$work/check.kb")

    rm -f "$work/app.kb" "$work/r$n.scores.json"
    start=$(now_ms)
    tmux new-session -d -s "$session" -x 120 -y 40 \
        "/usr/bin/time -f %M -o '$work/app.kb' '$APPRAISE' --scores '$work/r$n.scores.json' '$report'; tmux wait-for -S '$session-done'"
    # The first frame: the title is on the screen (polled; 60 s at most).
    frame=""
    for _ in $(seq 1 3000); do
        if tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "Generated report"; then
            frame=$(( $(now_ms) - start ))
            break
        fi
        sleep 0.02
    done
    [ -n "$frame" ] || { echo "peak-rss: no first frame for $n items" >&2; tmux capture-pane -p -t "$session" >&2 || true; exit 1; }
    sleep 0.5 # let start-up work behind the first frame (search index…) finish
    tmux send-keys -t "$session" q
    timeout 120 tmux wait-for "$session-done"
    app_kb=$(tail -n 1 "$work/app.kb")

    awk -v n="$n" -v b="$bytes" -v c="$check_kb" -v a="$app_kb" -v f="$frame" 'BEGIN {
        mb = b / 1e6
        printf "%8d %9.1f %12.1f %6.2fx %12.1f %6.2fx %14d\n", n, mb, c * 1024 / 1e6, c * 1024 / b, a * 1024 / 1e6, a * 1024 / b, f
    }'
done
echo "(MB = 10^6 bytes; ratio = peak RSS / file size; budget ≤ 3x. 1st frame: launch until tmux shows the title, polled every 20 ms)"
