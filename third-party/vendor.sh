#!/usr/bin/env bash
# Re-vendors the workspace's crates.io dependencies into third-party/vendor.
#
# Run after changing a dependency in Cargo.toml. Needs the network and
# cargo-vendor-filterer (`cargo install cargo-vendor-filterer`): it keeps only
# crates used on Linux x86_64 (gnu and musl) and
# aarch64 musl (the arm64 image's binaries) and replaces the others
# (windows-sys & co.) by empty stubs, which keeps the tree lean.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Cargo finds .cargo/config.toml from the working directory; run outside the
# repo so that the vendored-source replacement does not hide crates.io.
cd /
cargo update --manifest-path "$root/Cargo.toml" --workspace
# Not generate-lockfile: that would move every crate of the fuzz lock to its
# newest version and vendor a second copy of each. Only new entries resolve.
cargo update --manifest-path "$root/tools/cpio/fuzz/Cargo.toml" --workspace
rm -rf "$root/third-party/vendor"
cargo vendor-filterer \
  --manifest-path "$root/Cargo.toml" \
  --sync "$root/tools/cpio/fuzz/Cargo.toml" \
  --platform x86_64-unknown-linux-gnu \
  --platform x86_64-unknown-linux-musl \
  --platform aarch64-unknown-linux-musl \
  --exclude-crate-path '*#tests' \
  --exclude-crate-path '*#benches' \
  $(: linux-raw-sys carries bindings for every architecture: keep x86_64, aarch64) \
  --exclude-crate-path 'linux-raw-sys#src/arm' \
  --exclude-crate-path 'linux-raw-sys#src/csky' \
  --exclude-crate-path 'linux-raw-sys#src/hexagon' \
  --exclude-crate-path 'linux-raw-sys#src/loongarch64' \
  --exclude-crate-path 'linux-raw-sys#src/m68k' \
  --exclude-crate-path 'linux-raw-sys#src/mips' \
  --exclude-crate-path 'linux-raw-sys#src/mips32r6' \
  --exclude-crate-path 'linux-raw-sys#src/mips64' \
  --exclude-crate-path 'linux-raw-sys#src/mips64r6' \
  --exclude-crate-path 'linux-raw-sys#src/powerpc' \
  --exclude-crate-path 'linux-raw-sys#src/powerpc64' \
  --exclude-crate-path 'linux-raw-sys#src/riscv32' \
  --exclude-crate-path 'linux-raw-sys#src/riscv64' \
  --exclude-crate-path 'linux-raw-sys#src/s390x' \
  --exclude-crate-path 'linux-raw-sys#src/sparc' \
  --exclude-crate-path 'linux-raw-sys#src/sparc64' \
  --exclude-crate-path 'linux-raw-sys#src/x32' \
  --exclude-crate-path 'linux-raw-sys#src/x86' \
  "$root/third-party/vendor" > /dev/null
du -sh "$root/third-party/vendor"
