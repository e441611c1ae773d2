#!/usr/bin/env bash
# Benchmark: assembling a ~30 MB UKI with mvirt-uki against the equivalent
# objcopy --add-section chain (what ukify's predecessors did), same inputs,
# same run. Best of 5 wall-clock times for each.
# Usage: bench/uki.sh   (after `make`: uses target/bzImage)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
uki=target/release/mvirt-uki
stub=target/linuxx64.efi.stub   # the pinned stub, as make resolved it
[ -x "$uki" ] && [ -f target/bzImage ] && [ -f "$stub" ] || { echo "bench/uki.sh: run 'make' first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A 30 MB initrd: incompressible, like a compressed cpio.
head -c 30000000 /dev/urandom > "$work/initrd"

ours() { "$uki" build --stub "$stub" --linux target/bzImage --initrd "$work/initrd" \
  --cmdline uki/cmdline.txt --osrel uki/os-release --uname target/kernel.release -o "$work/ours.efi" 2>/dev/null; }
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
t_chain=$(best_of 5 chain); t_ours=$(best_of 5 ours)
printf '%-40s %9s %12s %7s\n' "assemble a ~30 MB UKI" "time (s)" "bytes" "time×"
printf '%-40s %9.3f %12d %7s\n' "reference: objcopy --add-section chain" "$t_chain" "$(stat -c %s "$work/chain.efi")" "1.00"
printf '%-40s %9.3f %12d %7.2f\n' "mvirt-uki build" "$t_ours" "$(stat -c %s "$work/ours.efi")" "$(echo "$t_ours / $t_chain" | bc -l)"
