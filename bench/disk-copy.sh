#!/usr/bin/env bash
# Benchmark: the disk a VM gets from a pushed image (`--disk image:NAME`),
# copied by mvirt-vmm's sparse copy (SEEK_DATA/SEEK_HOLE, blocks of zeros
# skipped) against GNU `cp --sparse=always`, on the same image in the same
# run: wall time (best of 3, each flushed to disk) and the blocks each copy
# takes. The image is 2 GiB holding 256 MiB of random data in 64 runs, with
# the rest half holes and half written zeros (as an image that went through
# an upload is).
# BENCH_SMOKE=1: a 64 MiB image, one run of each.
# Usage: bench/disk-copy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
cargo build --offline --release -q -p mvirt-vmm --example sparse-copy
tool=target/release/examples/sparse-copy
work=$(mktemp -d --tmpdir="${BENCH_DIR:-$PWD/target}")
trap 'rm -rf "$work"' EXIT
n=$(runs 3)
if smoke; then size_mib=64; else size_mib=2048; fi
img=$work/image.raw
truncate -s "${size_mib}M" "$img"
slot=$((size_mib << 20 >> 6))   # bytes: the image in 64 slots
run=$((slot / 8))                # random data at the start of each slot
for i in $(seq 0 63); do
  at=$((i * slot))
  head -c "$run" /dev/urandom | dd of="$img" bs=64K seek="$at" oflag=seek_bytes conv=notrunc status=none
  # Written zeros after it, over half of the rest of the slot.
  head -c "$(((slot - run) / 2))" /dev/zero |
    dd of="$img" bs=64K seek="$((at + run))" oflag=seek_bytes conv=notrunc status=none
done
sync
ours() { rm -f "$work/ours"; "$tool" "$img" "$work/ours" >/dev/null; }
gnu() { rm -f "$work/gnu"; cp --sparse=always "$img" "$work/gnu" && sync "$work/gnu"; }
t_ours=$(best_of "$n" ours)
t_gnu=$(best_of "$n" gnu)
cmp "$img" "$work/ours"
alloc() { echo $(( $(stat -c %b "$1") * $(stat -c %B "$1") / 1048576 )); }
printf 'disk-copy: a %d MiB image, %d MiB allocated\n' "$size_mib" "$(alloc "$img")"
printf '  mvirt sparse copy       %6.2f s, %5d MiB allocated\n' "$t_ours" "$(alloc "$work/ours")"
printf '  cp --sparse=always      %6.2f s, %5d MiB allocated   (reference)\n' "$t_gnu" "$(alloc "$work/gnu")"
