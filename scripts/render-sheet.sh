#!/usr/bin/env bash
# Renders an xlsx sheet as LibreOffice prints it: SHEET.xlsx → PDF → one PNG a page (80 dpi),
# and prints the PNGs' paths. Needs soffice (libreoffice-calc) and pdftoppm (poppler-utils).
#
#   scripts/render-sheet.sh SHEET.xlsx [OUTDIR]     (OUTDIR defaults to a new temporary folder)
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 SHEET.xlsx [OUTDIR]" >&2
    exit 2
fi
sheet=$1
[ -f "$sheet" ] || { echo "$0: no such file: $sheet" >&2; exit 2; }
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found (apt-get install libreoffice-calc-nogui poppler-utils)" >&2; exit 2; }
done
out=${2:-$(mktemp -d)}
mkdir -p "$out"
# A profile of its own, so a running LibreOffice does not take over the conversion.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf --outdir "$out" "$sheet" >/dev/null
base=$(basename "${sheet%.*}")
pdf="$out/$base.pdf"
[ -f "$pdf" ] || { echo "$0: LibreOffice wrote no PDF for $sheet" >&2; exit 1; }
rm -f "$out/$base"-*.png
pdftoppm -r 80 -png "$pdf" "$out/$base"
echo "$pdf" >&2
ls "$out/$base"-*.png
