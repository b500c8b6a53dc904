#!/usr/bin/env bash
# Checks the release scripts/dist.sh makes, as its users meet it (`APPRAISE_DIST_CHECK=1
# .ci/run` runs this; it takes minutes, two release builds):
#
# - the checksums check (`sha256sum -c`);
# - it is reproducible: the appraise crate built again from nothing gives the same archive and
#   the same package, byte for byte;
# - the archive: root-owned files of one time, a binary that runs with an empty environment
#   (`env -i`), a man page `man -l` renders, in English and in Chinese;
# - the package: `dpkg -i` puts the binary, the man pages, the completions and the copyright in
#   their places, `man appraise` finds the page, and `dpkg -r` takes every file away again.
#
# Needs root (dpkg), man-db and the tools dist.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "dist-check: $*" >&2; exit 1; }
say() { echo "dist-check: $*" >&2; }

[ "$(id -u)" = 0 ] || fail "installing the package with dpkg needs root"
if dpkg -s appraise >/dev/null 2>&1; then
    fail "a package named appraise is installed already; this check would replace and remove it"
fi
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name="appraise-$version-x86_64-linux"
tarball="dist/$name.tar.gz"
deb="dist/appraise_$version-1_amd64.deb"
target=x86_64-unknown-linux-gnu

start=$(date +%s)
scripts/dist.sh
say "first build: $(($(date +%s) - start)) s"
for file in "$tarball" "$deb"; do
    [ -f "$file" ] || fail "no $file"
    (cd dist && sha256sum --quiet -c "$(basename "$file").sha256") || fail "$file.sha256 does not check"
done
first=$(sha256sum "$tarball" "$deb")

# Reproducible: the crate itself built again (whole-program optimisation and all).
cargo clean --quiet --release --target "$target" -p appraise
start=$(date +%s)
scripts/dist.sh
say "second build, the crate from nothing: $(($(date +%s) - start)) s"
second=$(sha256sum "$tarball" "$deb")
[ "$first" = "$second" ] || fail "not reproducible:
$first
$second"
say "reproducible: $(echo "$first" | cut -c1-16 | tr '\n' ' ')"

# The archive, unpacked.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
listing=$(tar -tvzf "$tarball")
if echo "$listing" | grep -v " 0/0 " | grep -q .; then
    fail "files not owned by root (0/0) in $tarball"
fi
if [ "$(echo "$listing" | awk '{print $4, $5}' | sort -u | wc -l)" != 1 ]; then
    fail "files of more than one time in $tarball"
fi
tar -C "$tmp" -xzf "$tarball"
unpacked="$tmp/$name"
env -i "$unpacked/appraise" --version | grep -q "appraise $version" || fail "the archive's binary does not run under env -i"
env -i "$unpacked/appraise" check fixtures/english-sample.json >/dev/null || fail "the archive's binary cannot check a report"
for page in appraise.1 appraise.zh_CN.1; do
    LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$unpacked/$page" 2>&1 >/dev/null | grep . && fail "man -l $page warns"
    LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$unpacked/$page" | grep -q "appraise" || fail "man -l $page shows nothing"
done
for completion in appraise.bash _appraise appraise.fish; do
    [ -s "$unpacked/completions/$completion" ] || fail "no completions/$completion in $tarball"
done

# The package: installed, used, removed.
files=(
    /usr/bin/appraise
    /usr/share/man/man1/appraise.1.gz
    /usr/share/man/zh_CN/man1/appraise.1.gz
    /usr/share/bash-completion/completions/appraise
    /usr/share/zsh/vendor-completions/_appraise
    /usr/share/fish/vendor_completions.d/appraise.fish
    /usr/share/doc/appraise/copyright
)
dpkg -i "$deb" >/dev/null
for file in "${files[@]}"; do
    [ -f "$file" ] || fail "dpkg -i put no $file"
done
/usr/bin/appraise --version | grep -q "appraise $version" || fail "the installed appraise does not run"
[ "$(man -w appraise)" = /usr/share/man/man1/appraise.1.gz ] || fail "man appraise does not find the page"
LC_ALL=C.UTF-8 MANWIDTH=80 man appraise 2>/dev/null | grep -q "EXIT STATUS" || fail "man appraise shows no EXIT STATUS"
grep -q "MIT" /usr/share/doc/appraise/copyright || fail "the copyright file holds no licence"
dpkg -r appraise >/dev/null
for file in "${files[@]}"; do
    [ ! -e "$file" ] || fail "dpkg -r left $file"
done
dpkg -s appraise >/dev/null 2>&1 && fail "dpkg -r left the package installed"
say "ok: $tarball $(stat -c %s "$tarball") bytes, $deb $(stat -c %s "$deb") bytes; installed, used and removed"
