#!/usr/bin/env bash
# Time and peak resident memory (MB of 10^6 bytes, as the text's size) of `appraise import` on real text of 8 and 32 MB, as a ratio to
# the text's size (budget: ≤ 3×) — the files `cargo bench --bench import` times:
#
#   report_N: fixtures/import/shaodong-2022.txt over and over to N MB (whole copies);
#   pages_N:  the wild corpus's texts (fixtures/import/wild/*.txt in name order, a blank line
#             after each) over and over to N MB.
#
#   scripts/import-rss.sh                       # builds the release binary, then 8 and 32 MB
#   scripts/import-rss.sh 8 32 64               # other sizes (MB)
#   APPRAISE=path/to/appraise scripts/import-rss.sh     # a binary already built
#
# Each import writes its report to a file in a temp dir (`-o`, `-q`). The fixed cost of a
# process (binary, libraries), measured on the 16 kB report alone, is shown and also taken off.
# Needs GNU time (/usr/bin/time) and bc.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(8 32)
if [ -z "${APPRAISE:-}" ]; then
    cargo build --release --quiet
    APPRAISE="${CARGO_TARGET_DIR:-target}/release/appraise"
fi
APPRAISE=$(realpath "$APPRAISE")
for tool in /usr/bin/time bc; do
    command -v "$tool" >/dev/null || { echo "import-rss: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp fixtures/import/shaodong-2022.txt "$work/report.unit"
for f in fixtures/import/wild/*.txt; do cat "$f"; echo; done >"$work/pages.unit"

# `unit` repeated to `mb` MB or more, whole copies.
repeat_to() {
    local unit=$1 mb=$2 out=$3 size copies
    size=$(stat -c %s "$unit")
    copies=$(( (mb * 1000000 + size - 1) / size ))
    : >"$out"
    for _ in $(seq "$copies"); do cat "$unit"; done >>"$out"
}

# Seconds and peak RSS (KiB, as GNU time gives it) of importing FILE: sets secs and kb.
run() {
    /usr/bin/time -f '%e %M' -o "$work/time" "$APPRAISE" import -q "$1" -o "$work/out.json"
    read -r secs kb <"$work/time"
}

run fixtures/import/shaodong-2022.txt
fixed_kb=$kb
echo "fixed cost (the 16 kB report): $(echo "scale=1; $fixed_kb*1024/1000000" | bc) MB"
printf '%-10s %8s %8s %8s %9s %7s %10s\n' text MB s MB/s "peak MB" ratio "w/o fixed"
for mb in "${sizes[@]}"; do
    for kind in report pages; do
        file="$work/${kind}_${mb}.txt"
        repeat_to "$work/$kind.unit" "$mb" "$file"
        bytes=$(stat -c %s "$file")
        run "$file"
        printf '%-10s %8.1f %8.2f %8.1f %9.1f %6.2f× %9.2f×\n' "${kind}_$mb" \
            "$(echo "$bytes/1000000" | bc -l)" "$secs" "$(echo "$bytes/1000000/$secs" | bc -l)" \
            "$(echo "$kb*1024/1000000" | bc -l)" "$(echo "$kb*1024/$bytes" | bc -l)" \
            "$(echo "($kb-$fixed_kb)*1024/$bytes" | bc -l)"
        rm -f "$file"
    done
done
