#!/usr/bin/env bash
# Builds the portable release: dist/appraise-<version>-x86_64-linux.tar.gz with the binary
# (stripped, linked against glibc 2.17 so it runs on CentOS 7, RHEL 8, Kylin V10, UOS 20,
# Ubuntu 20.04…), README.md, LICENSE, the man page appraise.1 and completions for bash, zsh and
# fish; then checks the result itself and fails loudly if it is not what it should be.
#
#   scripts/dist.sh            # tools it lacks go into .dist-tools/ (cargo-zigbuild, ziglang)
#
# How: cargo-zigbuild (crates.io) with Zig (the `ziglang` package on PyPI) as the linker, target
# x86_64-unknown-linux-gnu.2.17. The installed Rust standard library for x86_64-unknown-linux-gnu
# is all it needs. A musl or aarch64 build would need that target's standard library
# (`rustup target add x86_64-unknown-linux-musl` / `aarch64-unknown-linux-gnu`), which this
# machine cannot fetch; with it, the same command with that target works.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tools="$root/.dist-tools"
target=x86_64-unknown-linux-gnu
glibc=2.17
max_bytes=$((8 * 1024 * 1024))
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name="appraise-$version-x86_64-linux"

fail() { echo "dist: $*" >&2; exit 1; }

# The tools, where they are missing.
export PATH="$tools/bin:$PATH"
if ! command -v cargo-zigbuild >/dev/null 2>&1; then
    echo "dist: installing cargo-zigbuild into $tools" >&2
    cargo install --quiet --locked --root "$tools" cargo-zigbuild
fi
if ! command -v zig >/dev/null 2>&1 && ! python3 -c 'import ziglang' >/dev/null 2>&1 \
    && [ ! -d "$tools/py/ziglang" ]; then
    echo "dist: installing ziglang (PyPI) into $tools/py" >&2
    python3 -m pip install --quiet --target "$tools/py" ziglang
fi
[ -d "$tools/py" ] && export PYTHONPATH="$tools/py${PYTHONPATH:+:$PYTHONPATH}"

# The build: release profile (fat LTO, stripped), glibc 2.17 symbols only.
cargo zigbuild --release --locked --target "$target.$glibc"
bin="target/$target/release/appraise"
[ -x "$bin" ] || fail "no binary at $bin"

# Its checks.
size=$(stat -c %s "$bin")
[ "$size" -le "$max_bytes" ] || fail "$bin is $size bytes, more than $max_bytes"
if command -v file >/dev/null 2>&1 && file "$bin" | grep -q "not stripped"; then
    fail "$bin is not stripped"
fi
newest=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ -n "$newest" ] || fail "no glibc symbol versions found in $bin (objdump -T)"
if [ "$(printf '%s\n%s\n' "$newest" "$glibc" | sort -V | tail -1)" != "$glibc" ]; then
    fail "$bin needs glibc $newest, newer than $glibc"
fi
"$bin" --version | grep -q "$version" || fail "$bin --version does not say $version"

# The archive.
stage="dist/$name"
rm -rf "$stage"
mkdir -p "$stage/completions"
cp "$bin" README.md LICENSE "$stage/"
"$bin" manpage > "$stage/appraise.1"
"$bin" completions bash > "$stage/completions/appraise.bash"
"$bin" completions zsh > "$stage/completions/_appraise"
"$bin" completions fish > "$stage/completions/appraise.fish"
tar -C dist -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "dist/$name.tar.gz: binary $size bytes, needs glibc $newest or newer (limit $glibc), $(stat -c %s "dist/$name.tar.gz") bytes packed"
