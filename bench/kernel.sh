#!/usr/bin/env bash
# Benchmark of the kernel step, in one run on this machine:
#   1. reference: bare `make -j$(nproc) bzImage` of the same .config in an
#      unpacked tree (unpacking not timed);
#   2. ours: `mvirt-kbuild build` (verify, olddefconfig check, fixed KBUILD_*,
#      prefix maps; the unpacked tree comes from its source cache, not timed);
#   3. ours with ccache, cold (empty cache);
#   4. ours with ccache after a one-option change (CONFIG_PRINTK_TIME).
# Prints wall times and ratios. Needs target/kernel.config (run `make kernel`)
# and ccache. Takes about four kernel builds.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/kernel.config ] || { echo "bench/kernel.sh: run 'make kernel' first" >&2; exit 1; }
command -v ccache >/dev/null || { echo "bench/kernel.sh: ccache missing (./bootstrap)" >&2; exit 1; }
make -s target/release/mvirt-kbuild >/dev/null
kbuild=$PWD/target/release/mvirt-kbuild
work=$(mktemp -d -p "$PWD/target")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=$(sed -n 's/^[[:space:]]*source_date_epoch[[:space:]]*=[[:space:]]*//p' .buckconfig)
jobs=$(nproc)
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

echo "bench/kernel.sh: preparing the source tree (not timed)"
src=$("$kbuild" source --source-cache "$work/cache")
mkdir -p "$work/ref"
cp target/kernel.config "$work/ref/.config"

echo "bench/kernel.sh: 1/4 reference: make -j$jobs bzImage"
t0=$(now); make -s -C "$src" O="$work/ref" ARCH=x86_64 -j"$jobs" olddefconfig bzImage >/dev/null 2>&1; t1=$(now)
ref=$(secs "$t0" "$t1")

echo "bench/kernel.sh: 2/4 mvirt-kbuild build"
t0=$(now); "$kbuild" build --config target/kernel.config --source-cache "$work/cache" --out-dir "$work/ours" --jobs "$jobs" >/dev/null 2>&1; t1=$(now)
ours=$(secs "$t0" "$t1")

export CCACHE_DIR="$work/ccache"
echo "bench/kernel.sh: 3/4 mvirt-kbuild build --ccache (cold)"
t0=$(now); "$kbuild" build --config target/kernel.config --source-cache "$work/cache" --out-dir "$work/cc1" --jobs "$jobs" --ccache >/dev/null 2>&1; t1=$(now)
cold=$(secs "$t0" "$t1")

sed 's/^# CONFIG_PRINTK_TIME is not set$/CONFIG_PRINTK_TIME=y/' target/kernel.config > "$work/changed.config"
cmp -s target/kernel.config "$work/changed.config" && { echo "bench/kernel.sh: PRINTK_TIME is already set; pick another option" >&2; exit 1; }
echo "bench/kernel.sh: 4/4 mvirt-kbuild build --ccache after a one-option change"
t0=$(now); "$kbuild" build --config "$work/changed.config" --source-cache "$work/cache" --out-dir "$work/cc2" --jobs "$jobs" --ccache >/dev/null 2>&1; t1=$(now)
warm=$(secs "$t0" "$t1")

printf '\n%-52s %9s %8s\n' "kernel step ($(nproc) CPUs)" "wall (s)" "ratio"
printf '%-52s %9.1f %8s\n' "reference: make -j$jobs bzImage" "$ref" "1.00"
printf '%-52s %9.1f %8.3f\n' "mvirt-kbuild build (vs reference)" "$ours" "$(echo "$ours / $ref" | bc -l)"
printf '%-52s %9.1f %8.3f\n' "mvirt-kbuild --ccache, cold (vs reference)" "$cold" "$(echo "$cold / $ref" | bc -l)"
printf '%-52s %9.1f %8.3f\n' "mvirt-kbuild --ccache, one option changed (vs ours)" "$warm" "$(echo "$warm / $ours" | bc -l)"
