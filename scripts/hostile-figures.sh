#!/usr/bin/env bash
# Time and peak memory of every hostile input of the README's reliability section, each run once
# by the release binary under GNU time, with what it answered (exit code and the first words).
#
#   scripts/hostile-figures.sh                 # builds the release binary first
#   APPRAISE=path/to/appraise scripts/hostile-figures.sh
#
# Needs GNU time (/usr/bin/time) and, for the device cases as root, mknod. Everything lives in a
# temp dir. The budget each must stay within: 5 s and 512 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ -z "${APPRAISE:-}" ]; then
    cargo build --release --quiet
    APPRAISE="${CARGO_TARGET_DIR:-target}/release/appraise"
fi
APPRAISE=$(realpath "$APPRAISE")
command -v /usr/bin/time >/dev/null || { echo "hostile-figures: needs GNU time" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export HOME="$dir" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" LANG=C.UTF-8
cp "$root/fixtures/english-sample.json" r.json
cp "$root/fixtures/import/shaodong-2022.txt" s.txt
cp "$root"/fixtures/hostile/*.xlsx "$root"/fixtures/hostile/*.xls .
mkfifo fifo.scores.json
if [ "$(id -u)" = 0 ]; then mknod zero c 1 5; else ln -s /dev/zero zero; fi
truncate -s 2G huge.scores.json
{ printf '{"format":"appraise.scores/1","report":{"id":"riverside-library-2023"},"items":[{"id":"overview.objectives","note":"'
  head -c 100000000 /dev/zero | tr '\0' 'x'
  printf '"}]}'; } > note100.scores.json
{ printf '{"format":"appraise.scores/1","report":{"id":"riverside-library-2023"},"items":[{"id":"overview.objectives","note":"'
  head -c 60000000 /dev/zero | tr '\0' 'x'
  printf '"}]}'; } > note60.scores.json
mkdir panel && cp "$root/fixtures/scores/english-sample.scores.json" panel/a.scores.json \
    && echo '{ not json' > panel/b.scores.json && mkfifo panel/c.scores.json

printf '| input | command | time | peak memory | answer |\n|---|---|---|---|---|\n'
run() { # label, then the command's arguments (stdin from $STDIN when set)
    local label=$1; shift
    if [ -n "${STDIN:-}" ]; then
        eval "$STDIN" | /usr/bin/time -o time.txt -f '%e %M' "$APPRAISE" "$@" >/dev/null 2>err.txt || true
    else
        /usr/bin/time -o time.txt -f '%e %M' "$APPRAISE" "$@" </dev/null >/dev/null 2>err.txt || true
    fi
    local secs kb
    read -r secs kb < <(tail -n1 time.txt)
    local said
    said=$(grep -v '^appraise: imported\|^appraise: outline\|^appraise: the rubric:\|evidence links' err.txt | head -n1 | sed 's/^appraise: //' | cut -c1-90 || true)
    printf '| %s | `%s` | %s s | %s MB | %s |\n' "$label" "$*" "$secs" "$((kb / 1024))" "${said:-(ok)}"
}
run "scores file is a FIFO" check r.json --scores fifo.scores.json
run "scores file is an endless device" check r.json --scores zero
run "scores file of 2 GB" summary r.json --scores huge.scores.json
run "one note of 100 MB" summary r.json --scores note100.scores.json
run "one note of 60 MB (under the cap)" summary r.json --scores note60.scores.json
run "a folder: good, broken, FIFO" merge r.json panel --format csv
APPRAISE_CONFIG="$dir/zero" run "config is an endless device" config
run "theme is a FIFO" r.json --theme ./fifo.scores.json
STDIN="head -c 1G /dev/zero | tr '\\\\0' 'a'" run "1 GB on standard input" import -
run "xlsx: A1 and XFD1048576" import s.txt --rubric far-cell.xlsx -o out.json
run "xlsx: 6,000 rows" import s.txt --rubric many-rows.xlsx -o out.json
run "xlsx: 512 MB shared string" import s.txt --rubric shared-string-bomb.xlsx -o out.json
run "xls: DIMENSIONS of 2^31 rows" import s.txt --rubric dimensions-bomb.xls -o out.json
run "xls: mutated (1)" import s.txt --rubric mutated-dazhou-1.xls -o out.json
run "xls: mutated (2)" import s.txt --rubric mutated-dazhou-2.xls -o out.json
