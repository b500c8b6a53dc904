#!/usr/bin/env bash
# Builds the portable release, checks it, and writes beside it what a user checks it with:
#
#   dist/appraise-<version>-x86_64-linux.tar.gz          the binary (stripped, linked against
#       glibc 2.17 so it runs on CentOS 7, RHEL 8, Kylin V10, UOS 20, Ubuntu 20.04…), README.md,
#       LICENSE, the man page (appraise.1, and appraise.zh_CN.1 in Chinese) and completions for
#       bash, zsh and fish
#   dist/appraise_<version>-1_amd64.deb                   the same binary, man pages and
#       completions in their system places, the licence as the package's copyright (cargo-deb)
#   dist/*.sha256                                         `sha256sum -c` checks each
#
#   scripts/dist.sh            # tools it lacks go into .dist-tools/ (cargo-zigbuild, ziglang, cargo-deb)
#
# How: cargo-zigbuild (crates.io) with Zig (the `ziglang` package on PyPI) as the linker, target
# x86_64-unknown-linux-gnu.2.17. The installed Rust standard library for x86_64-unknown-linux-gnu
# is all it needs. A musl or aarch64 build would need that target's standard library
# (`rustup target add x86_64-unknown-linux-musl` / `aarch64-unknown-linux-gnu`), which this
# machine cannot fetch; with it, the same command with that target works.
#
# Reproducible: the same commit gives the same bytes. The files' times are SOURCE_DATE_EPOCH
# (the last commit's time unless set; from a tarball, Cargo.toml's), their owner root, their
# order sorted, gzip writes no name or time, and the build leaves this checkout's and cargo's
# paths out of the binary. scripts/dist-check.sh builds twice and compares.
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
for tool in cargo-zigbuild cargo-deb; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "dist: installing $tool into $tools" >&2
        cargo install --quiet --locked --root "$tools" "$tool"
    fi
done
if ! command -v zig >/dev/null 2>&1 && ! python3 -c 'import ziglang' >/dev/null 2>&1 \
    && [ ! -d "$tools/py/ziglang" ]; then
    echo "dist: installing ziglang (PyPI) into $tools/py" >&2
    python3 -m pip install --quiet --target "$tools/py" ziglang
fi
[ -d "$tools/py" ] && export PYTHONPATH="$tools/py${PYTHONPATH:+:$PYTHONPATH}"

# One time for every file, and no path of this machine in the binary.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || stat -c %Y Cargo.toml)
fi
export SOURCE_DATE_EPOCH
cargo_home=${CARGO_HOME:-$HOME/.cargo}
export RUSTFLAGS="${RUSTFLAGS:-} --remap-path-prefix=$root=appraise --remap-path-prefix=$cargo_home=cargo"

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
if grep -qa "$root" "$bin"; then
    fail "$bin holds the path of this checkout ($root)"
fi

# What goes beside the binary: the man pages and completions, made by the binary itself, in
# English (the Chinese page besides), from no user's configuration.
assets="target/dist-assets"
rm -rf "$assets"
mkdir -p "$assets/zh_CN"
made_by() { env APPRAISE_CONFIG=/dev/null LC_ALL="$1" "$bin" "${@:2}"; }
made_by C.UTF-8 manpage > "$assets/appraise.1"
made_by zh_CN.UTF-8 manpage > "$assets/zh_CN/appraise.1"
made_by C.UTF-8 completions bash > "$assets/appraise.bash"
made_by C.UTF-8 completions zsh > "$assets/_appraise"
made_by C.UTF-8 completions fish > "$assets/appraise.fish"

# The archive.
stage="dist/$name"
rm -rf "$stage"
mkdir -p "$stage/completions"
cp "$bin" README.md LICENSE "$stage/"
cp "$assets/appraise.1" "$stage/appraise.1"
cp "$assets/zh_CN/appraise.1" "$stage/appraise.zh_CN.1"
cp "$assets/appraise.bash" "$assets/_appraise" "$assets/appraise.fish" "$stage/completions/"
chmod -R u=rwX,go=rX "$stage"
tar -C dist --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner \
    --format=gnu -cf - "$name" | gzip -9 -n > "dist/$name.tar.gz"
rm -rf "$stage"

# The Debian package (its layout: [package.metadata.deb] in Cargo.toml).
deb=$(cargo deb --no-build --no-strip --target "$target" --output dist 2>/dev/null | tail -1)
[ -f "$deb" ] || fail "cargo deb wrote no package"
deb=$(basename "$deb")

# The checksums, each checked as a user would.
(
    cd dist
    for file in "$name.tar.gz" "$deb"; do
        sha256sum "$file" > "$file.sha256"
        sha256sum --quiet -c "$file.sha256" || fail "$file does not match $file.sha256"
    done
)
echo "dist/$name.tar.gz: binary $size bytes, needs glibc $newest or newer (limit $glibc), $(stat -c %s "dist/$name.tar.gz") bytes packed"
echo "dist/$deb: $(stat -c %s "dist/$deb") bytes"
