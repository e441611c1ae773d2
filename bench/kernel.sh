#!/usr/bin/env bash
# Benchmark of the kernel step, in one run on this machine:
#   1. reference: bare `make -j$(nproc) bzImage` of the same .config in an
#      unpacked tree (unpacking not timed), with the same pinned toolchain
#      (target/toolchain/kernel: its PATH, environment and sysroot);
#   2. ours: `mvirt-kbuild build` (verify, olddefconfig check, fixed KBUILD_*,
#      prefix maps; the unpacked tree comes from its source cache, not timed),
#      building in a kept tree (--keep-tree: same work as a scratch tree);
#   3. ours, kept tree, after a one-option change (CONFIG_PRINTK_TIME): the
#      kernel's dependency tracking recompiles what the option touches;
#   4. ours with ccache, cold (empty cache);
#   5. ours with ccache after the same one-option change (a fresh tree);
#   6. ours in the bubblewrap sandbox (--sandbox, make's default), cold.
# Prints wall times and ratios. Needs target/kernel.config (run `make kernel`)
# and ccache (and bwrap for row 6). Takes about five kernel builds; run it
# on an idle machine.
# BENCH_SMOKE=1 checks what it needs, then SKIPS: even its smallest run is
# five kernel builds (tens of minutes), not a smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
tc=$PWD/target/toolchain/kernel
[ -f target/kernel.config ] && [ -f target/linux.tar.xz ] && [ -f "$tc/env.toml" ] \
  || skip bench/kernel.sh "needs target/kernel.config, linux.tar.xz and the kernel toolchain: run 'make kernel' first"
command -v ccache >/dev/null || skip bench/kernel.sh "ccache missing (./bootstrap)"
smoke && skip bench/kernel.sh "its smallest run is five kernel builds (tens of minutes); run it without BENCH_SMOKE"
make -s target/release/mvirt-kbuild >/dev/null
kbuild=$PWD/target/release/mvirt-kbuild
work=$(mktemp -d -p "$PWD/target")
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=$(sed -n 's/^[[:space:]]*source_date_epoch[[:space:]]*=[[:space:]]*//p' .buckconfig)
jobs=$(nproc)
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
ours() { # label, config, out, extra args...
  local label=$1 config=$2 out=$3; shift 3
  echo "bench/kernel.sh: $label" >&2
  local t0 t1
  t0=$(now)
  "$kbuild" build --tarball target/linux.tar.xz --arch x86_64 --cc gcc --tools "$tc" \
    --config "$config" --epoch "$SOURCE_DATE_EPOCH" --scratch "$work" --source-cache "$work/cache" \
    --out-dir "$work/$out" --jobs "$jobs" "$@" >/dev/null 2>&1
  t1=$(now)
  secs "$t0" "$t1"
}

echo "bench/kernel.sh: preparing the source tree (not timed)"
src=$work/src
mkdir -p "$src"
tar -xf target/linux.tar.xz -C "$src" --strip-components=1
mkdir -p "$work/ref"
cp target/kernel.config "$work/ref/.config"
sed 's/^# CONFIG_PRINTK_TIME is not set$/CONFIG_PRINTK_TIME=y/' target/kernel.config > "$work/changed.config"
cmp -s target/kernel.config "$work/changed.config" && { echo "bench/kernel.sh: PRINTK_TIME is already set; pick another option" >&2; exit 1; }

echo "bench/kernel.sh: 1/6 reference: make -j$jobs bzImage"
# The tool directory's environment, as mvirt-kbuild sets it: env.toml's
# variables (paths relative to the directory), PATH = its bin/ alone.
mapfile -t tcenv < <(sed -n 's/^\([A-Z0-9_]*\) = "\(.*\)"$/\1='"${tc//\//\\/}"'\/\2/p' "$tc/env.toml")
t0=$(now)
env -i PATH="$tc/bin" LD_LIBRARY_PATH="$tc/lib" LC_ALL=C TZ=UTC "${tcenv[@]}" \
  "$tc/bin/make" -s -C "$src" O="$work/ref" ARCH=x86_64 -j"$jobs" \
  CC="gcc --sysroot=$tc/root" HOSTCC="gcc --sysroot=$tc/root" SHELL="$tc/bin/sh" \
  olddefconfig bzImage >/dev/null 2>&1
t1=$(now)
ref=$(secs "$t0" "$t1")

ours=$(ours "2/6 mvirt-kbuild build" target/kernel.config o1 --keep-tree "$work/tree")
kept=$(ours "3/6 mvirt-kbuild build --keep-tree after a one-option change" "$work/changed.config" o2 --keep-tree "$work/tree")
cmp -s "$work/o1/bzImage" "$work/o2/bzImage" && { echo "bench/kernel.sh: the changed option did not change bzImage" >&2; exit 1; }
export CCACHE_DIR="$work/ccache"
cold=$(ours "4/6 mvirt-kbuild build --ccache (cold)" target/kernel.config o3 --ccache)
warm=$(ours "5/6 mvirt-kbuild build --ccache after the one-option change" "$work/changed.config" o4 --ccache)
cmp -s "$work/o2/bzImage" "$work/o4/bzImage" || { echo "bench/kernel.sh: the kept-tree and the ccache build of the changed config differ" >&2; exit 1; }
sandboxed=-
if command -v bwrap >/dev/null; then
  sandboxed=$(ours "6/6 mvirt-kbuild build --sandbox" target/kernel.config o5 --sandbox)
  cmp -s "$work/o1/bzImage" "$work/o5/bzImage" || { echo "bench/kernel.sh: the sandboxed build differs" >&2; exit 1; }
fi

printf '\n%-58s %9s %8s\n' "kernel step ($(nproc) CPUs)" "wall (s)" "ratio"
printf '%-58s %9.1f %8s\n' "reference: make -j$jobs bzImage" "$ref" "1.00"
printf '%-58s %9.1f %8.3f\n' "mvirt-kbuild build (vs reference)" "$ours" "$(echo "$ours / $ref" | bc -l)"
printf '%-58s %9.1f %8.3f\n' "--keep-tree, one option changed (vs ours, cold)" "$kept" "$(echo "$kept / $ours" | bc -l)"
printf '%-58s %9.1f %8.3f\n' "--ccache, cold (vs reference)" "$cold" "$(echo "$cold / $ref" | bc -l)"
printf '%-58s %9.1f %8.3f\n' "--ccache, one option changed (vs ours, cold)" "$warm" "$(echo "$warm / $ours" | bc -l)"
[ "$sandboxed" = - ] || printf '%-58s %9.1f %8.3f\n' "--sandbox, cold (vs reference)" "$sandboxed" "$(echo "$sandboxed / $ref" | bc -l)"
