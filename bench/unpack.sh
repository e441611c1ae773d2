#!/usr/bin/env bash
# Benchmark: mvirt-unpack against GNU tar on the same archives, in the same
# run: the pinned Rust dist's components (the sysroot `make rust-toolchain`
# makes), all into one tree, and each tool's wall time (best of 3).
#   ours:  mvirt-unpack --strip-components 2 --only bin --only lib A... -o DIR
#   tar:   tar -xJf A --strip-components 2 -C DIR  (for each A)
# BENCH_SMOKE=1: one ~2 MB .tar.xz made here, one run of each.
# Usage: bench/unpack.sh   (after `make rust-toolchain`, which downloads the dist)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
tool=target/release/mvirt-unpack
[ -x "$tool" ] || cargo build --offline --release -q -p mvirt-unpack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(runs 3)
if smoke; then
  mkdir -p "$work/src/pkg/bin" "$work/src/pkg/lib"
  head -c 2000000 "$tool" > "$work/src/pkg/lib/blob"
  cp "$tool" "$work/src/pkg/bin/"
  tar -cJf "$work/a.tar.xz" -C "$work/src" pkg
  archives=("$work/a.tar.xz")
  strip=1
else
  mapfile -t archives < <(ls target/downloads/rust/*.tar.xz 2>/dev/null)
  [ "${#archives[@]}" -gt 0 ] || skip bench/unpack.sh "no pinned Rust dist in target/downloads/rust: run make rust-toolchain"
  strip=2
fi
ours() { rm -rf "$work/ours"; "$tool" --strip-components "$strip" --only bin --only lib "${archives[@]}" -o "$work/ours" 2>/dev/null; }
gnu() {
  rm -rf "$work/gnu"; mkdir "$work/gnu"
  for a in "${archives[@]}"; do
    tar -xJf "$a" --strip-components "$strip" -C "$work/gnu" --wildcards '*/bin/*' '*/lib/*' 2>/dev/null || true
  done
}
t_ours=$(best_of "$n" ours)
t_gnu=$(best_of "$n" gnu)
bytes=$(du -sb "$work/ours" | cut -f1)
printf 'unpack: %d archive(s), %d MB unpacked\n' "${#archives[@]}" $((bytes / 1000000))
printf '  mvirt-unpack  %6.2f s\n' "$t_ours"
printf '  GNU tar -xJ   %6.2f s   (reference; no confinement, per archive)\n' "$t_gnu"
