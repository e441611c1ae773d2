#!/usr/bin/env bash
# Benchmark: assembling a ~30 MB UKI with mvirt-uki against the equivalent
# objcopy --add-section chain (what ukify's predecessors did), same inputs,
# same run. Best of 5 wall-clock times for each.
# BENCH_SMOKE=1: a 1 MB initrd, one run of each.
# Usage: bench/uki.sh   (after `make`: uses target/bzImage)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
uki=target/release/mvirt-uki
stub=target/linuxx64.efi.stub   # the pinned stub, as make resolved it
[ -x "$uki" ] && [ -f target/bzImage ] && [ -f target/kernel.release ] && [ -f "$stub" ] \
  || skip bench/uki.sh "needs target/bzImage, target/kernel.release and $stub: run 'make' first"
command -v objcopy >/dev/null || skip bench/uki.sh "objcopy (the reference) is not installed (./bootstrap)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(runs 5)
# A 30 MB initrd: incompressible, like a compressed cpio.
head -c "$(if smoke; then echo 1000000; else echo 30000000; fi)" /dev/urandom > "$work/initrd"

ours() { "$uki" build --stub "$stub" --linux target/bzImage --initrd "$work/initrd" \
  --cmdline uki/cmdline.txt --osrel uki/os-release --uname target/kernel.release -o "$work/ours.efi" \
  2>"$work/build.log" || { cat "$work/build.log" >&2; return 1; }; }
# objcopy needs each section's address spelled out: after the stub's image,
# in ukify's order, each aligned up (as the old systemd documentation did).
chain() {
  objcopy \
    --add-section .osrel=uki/os-release --change-section-vma .osrel=0x20000 \
    --add-section .cmdline=uki/cmdline.txt --change-section-vma .cmdline=0x30000 \
    --add-section .uname=target/kernel.release --change-section-vma .uname=0x40000 \
    --add-section .initrd="$work/initrd" --change-section-vma .initrd=0x3000000 \
    --add-section .linux=target/bzImage --change-section-vma .linux=0x2000000 \
    "$stub" "$work/chain.efi"
}
t_chain=$(best_of "$n" chain); t_ours=$(best_of "$n" ours)
printf '%-40s %9s %12s %7s\n' "assemble a ~30 MB UKI" "time (s)" "bytes" "time×"
printf '%-40s %9.3f %12d %7s\n' "reference: objcopy --add-section chain" "$t_chain" "$(stat -c %s "$work/chain.efi")" "1.00"
printf '%-40s %9.3f %12d %7.2f\n' "mvirt-uki build" "$t_ours" "$(stat -c %s "$work/ours.efi")" "$(echo "$t_ours / $t_chain" | bc -l)"
