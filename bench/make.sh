#!/usr/bin/env bash
# Benchmark: make's incremental steps after a full `make`. A no-op `make`
# (target: ≤ 2 s) and a rebuild after uki/cmdline.txt changes, beside the
# floor that every make pays: the three cargo calls through which cargo decides
# whether stage 0, a tool or an image binary changed. Best of 5 wall-clock times.
# It only touches uki/cmdline.txt (its mtime, not its text).
# BENCH_SMOKE=1: one run of each (a no-op make, a UKI rebuild: seconds).
# Usage: bench/make.sh   (after `make`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
[ -f target/mvirt.efi ] && [ -f target/cloud-hypervisor.choice ] \
  || skip bench/make.sh "needs a full build (target/mvirt.efi): run 'make' first"
n=$(runs 5)
ch="CLOUD_HYPERVISOR=$(cat target/cloud-hypervisor.choice)"
unset MAKEFLAGS
# The same environment as make's cargo calls: zstd-sys's build script tracks
# SOURCE_DATE_EPOCH, so a cargo call without it would rebuild the tools.
SOURCE_DATE_EPOCH=$(sed -n 's/^[[:space:]]*source_date_epoch[[:space:]]*=[[:space:]]*//p' .buckconfig)
export SOURCE_DATE_EPOCH
log=$(mktemp)
trap 'rm -f "$log"' EXIT
trap 'echo "bench/make.sh: a step failed; its output:" >&2; cat "$log" >&2' ERR

# make's pinned cargo (Makefile, PINNED_ENV): its own rustc (RUSTC: a cargo
# run outside rustup would otherwise take the rustc on PATH), the pinned gcc
# wrappers as the glibc linker, and C compiler, archiver and flags for both
# musl targets (ring): the same environment, or cargo rebuilds ring.
pinned_env=$(make --quiet pinned-env)
release=$(sed -n 's/^version = "\(.*\)"/\1/p' toolchains/rust/rustc-x86_64-unknown-linux-gnu.toml)
pinned() { (eval "$pinned_env" && "$PWD/target/toolchain/rust-$release/bin/cargo" "$@"); }
floor() {
  # Stage 0 (the cargo on PATH), the tools and the image binaries (pinned).
  cargo build --offline --release --quiet --target-dir target/stage0 -p mvirt-fetch -p mvirt-unpack
  pinned build --offline --release --quiet -p mvirt-boot -p mvirt-cpio -p mvirt-fetch \
    -p mvirt-kbuild -p mvirt-kconfig -p mvirt-uki -p mvirt-unpack
  RUSTFLAGS="--remap-path-prefix=$PWD=/mvirt-os -C target-feature=+crt-static -C linker-flavor=ld.lld -C link-self-contained=yes" \
    pinned build --offline --release --quiet --target x86_64-unknown-linux-musl \
    --target-dir target/image -p pideins -p mvirt-cli -p mvirt-vmm
}
noop() { make --quiet "$ch" >"$log" 2>&1; }
cmdline() { touch uki/cmdline.txt; make --quiet "$ch" >"$log" 2>&1; }
noop  # settle: anything stale is rebuilt before measuring
before=$(stat -c %Y.%y target/bzImage target/initramfs.cpio.gz)
t_floor=$(best_of "$n" floor); t_noop=$(best_of "$n" noop); t_cmdline=$(best_of "$n" cmdline)
after=$(stat -c %Y.%y target/bzImage target/initramfs.cpio.gz)
[ "$before" = "$after" ] || { echo "bench/make.sh: the kernel or the initramfs was rebuilt; make's output:" >&2; cat "$log" >&2; exit 1; }
printf '%-52s %9s %7s\n' "make after a full build" "time (s)" "time×"
printf '%-52s %9.3f %7s\n' "reference: the three no-op cargo calls make runs" "$t_floor" "1.00"
printf '%-52s %9.3f %7.2f\n' "no-op make (target <= 2 s)" "$t_noop" "$(echo "$t_noop / $t_floor" | bc -l)"
printf '%-52s %9.3f %7.2f\n' "make after touching uki/cmdline.txt (UKI only)" "$t_cmdline" "$(echo "$t_cmdline / $t_floor" | bc -l)"
