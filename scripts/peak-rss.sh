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
# (the report's title on the screen), sends `q` (save and quit) and reads the app's peak RSS;
# then opens it again, resuming the scores file the first run wrote (an entry per item), and
# reads that run's peak too.
# The fixed cost of a process (binary, libraries, terminal, threads), measured on a 1-item
# report, is shown and also taken off, since it dominates small reports.
# Needs GNU time (/usr/bin/time), tmux and bc. Everything lives in a temp dir, config included.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
if [ -z "${APPRAISE:-}" ]; then
    cargo build --release --quiet
    APPRAISE="${CARGO_TARGET_DIR:-target}/release/appraise"
fi
APPRAISE=$(realpath "$APPRAISE")
for tool in /usr/bin/time tmux bc; do
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

# Peak RSS (KB) of `appraise check REPORT` and of the app opening REPORT (first frame, then
# `q`) with no scores file, then again resuming the one it wrote; sets check_kb, app_kb,
# resume_kb and frame_ms.
measure() {
    local report=$1 scores="${1%.json}.scores.json"
    /usr/bin/time -f %M -o "$work/check.kb" "$APPRAISE" check "$report" >/dev/null
    check_kb=$(tail -n 1 "$work/check.kb")
    rm -f "$scores"
    open_app "$report" "$scores"
    app_kb=$app_run_kb
    open_app "$report" "$scores"
    resume_kb=$app_run_kb
}

# One run of the app on REPORT with SCORES: peak RSS in app_run_kb, time to the title in frame_ms.
open_app() {
    local report=$1 scores=$2
    rm -f "$work/app.kb"
    local start title
    title=$(grep -o '"title":"Generated report[^"]*"' "$report" | head -n 1 | cut -d'"' -f4)
    start=$(now_ms)
    tmux new-session -d -s "$session" -x 120 -y 40 \
        "/usr/bin/time -f %M -o '$work/app.kb' '$APPRAISE' --scores '$scores' '$report'; tmux wait-for -S '$session-done'"
    # The first frame: the title is on the screen (polled; 60 s at most).
    frame_ms=""
    for _ in $(seq 1 3000); do
        if tmux capture-pane -p -t "$session" 2>/dev/null | grep -qF "$title"; then
            frame_ms=$(($(now_ms) - start))
            break
        fi
        sleep 0.02
    done
    if [ -z "$frame_ms" ]; then
        echo "peak-rss: no first frame for $report" >&2
        tmux capture-pane -p -t "$session" >&2 || true
        exit 1
    fi
    sleep 0.5 # let the start-up work behind the first frame (search index…) finish
    tmux send-keys -t "$session" q
    timeout 120 tmux wait-for "$session-done"
    app_run_kb=$(tail -n 1 "$work/app.kb")
}

# The fixed cost (binary, libraries, terminal, threads): a 1-item report.
"$APPRAISE" gen --items 1 -o "$work/base.json"
measure "$work/base.json"
base_check_kb=$check_kb base_app_kb=$app_kb
printf 'fixed cost (a 1-item report): check %.1f MB, app %.1f MB\n\n' \
    "$(echo "$base_check_kb * 1024 / 1000000" | bc -l)" "$(echo "$base_app_kb * 1024 / 1000000" | bc -l)"

printf '%8s %8s | %9s %7s %7s | %9s %7s %7s | %9s %7s | %9s\n' \
    items "file MB" "check MB" ratio "-fixed" "app MB" ratio "-fixed" "resume MB" ratio "frame ms"
for n in "${sizes[@]}"; do
    report="$work/r$n.json"
    "$APPRAISE" gen --items "$n" -o "$report"
    bytes=$(stat -c %s "$report")
    measure "$report"
    awk -v n="$n" -v b="$bytes" -v c="$check_kb" -v a="$app_kb" -v r="$resume_kb" -v f="$frame_ms" \
        -v bc="$base_check_kb" -v ba="$base_app_kb" 'BEGIN {
        printf "%8d %8.1f | %9.1f %6.2fx %6.2fx | %9.1f %6.2fx %6.2fx | %9.1f %6.2fx | %9d\n", n, b / 1e6,
            c * 1024 / 1e6, c * 1024 / b, (c - bc) * 1024 / b,
            a * 1024 / 1e6, a * 1024 / b, (a - ba) * 1024 / b, r * 1024 / 1e6, r * 1024 / b, f
    }'
done
echo "(MB = 10^6 bytes. ratio = peak RSS / file size (budget ≤ 3x); -fixed: the same without the fixed cost."
echo " resume: the app again, reading the scores file the first run wrote (an entry per item)."
echo " frame ms: launch until tmux shows the title (resume run), polled every 20 ms: an upper bound.)"
