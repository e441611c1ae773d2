#!/usr/bin/env bash
# The Buck2 acceptance checks (run by .ci/run when buck2 is on PATH):
#   0. A local REAPI cache (cache/mvirt-cache) in a temporary directory.
#   1. From an empty buck-out, `buck2 build @mode/local.py //uki:mvirt` builds
#      the UKI (every action runs here; results go to the cache). The
#      machine's gcc, cc, g++ and ar are logging shims meanwhile: they ran
#      for stage 0 alone (tests/buck/host_tools.py), the pinned gcc for the
#      rest.
#   2. Its .linux .cmdline .osrel .uname sections are byte-identical to those
#      of make's target/mvirt.efi; the initramfs lists the same names, modes
#      and links.
#   3. make and buck2 call each tool with the same flags (tests/buck/flags.py
#      on `make -n -B` and the commands of step 1's actions); the image
#      binaries built by cargo and by buck2 differ in size by < 2 %, and
#      both are the pinned rustc's, linked by its rust-lld.
#   4. arm64, the same graph on `--target-platforms toolchains//:arm64`:
#      every tool step of the UKI's action graph (`buck2 aquery`, nothing
#      runs) gets make ARCH=arm64's flags. Nothing is compiled for arm64
#      here: with the same tools, flags and pinned inputs, steps 1-3 prove
#      the steps byte for byte on x86_64, and CI spends its time on the whole
#      build in the pinned root (tests/boot/tests/hermetic.rs).
#      MVIRT_CHECK_ARM64=1 builds the arm64 initramfs (the same entries as
#      make's, the image binaries static aarch64 and alike) and UKI (machine
#      arm64, 0xaa64; sections byte-identical to make's
#      target/arm64/mvirt.efi, which `make test TEST_ARM64=1` builds; about
#      15 min).
#   5. `buck2 test` passes. CI runs it on //third-party/... (the vendored
#      crates match Cargo.lock) and //tools/unpack/...: buck2's target
#      configuration shares no action with the exec configuration the cold
#      build compiled the tools in, so `//...` compiles every crate again
#      (about 15 minutes on this machine) for the Rust tests make test ran
#      under cargo minutes before. MVIRT_CHECK_BUCK_TEST=1 runs `//...`, but
#      for the tests labelled `kernel_tree` (tools/kconfig's real_tree,
#      tools/kbuild's sandbox), which make test ran on the same kernel tree
#      and tool directory.
#   6. A second build runs nothing; after an edit of uki/cmdline.txt only the
#      UKI actions run; after an edit of pideins the kernel actions do not
#      (shown with `buck2 log what-ran`).
#   7. The cache (docs/cache.md): after `buck2 kill` no kernel action runs
#      (cache hits; what runs is listed by category); the same after the cache server
#      restarts; the same in a second checkout whose host rustc is another
#      release and whose gcc fails (no host compiler runs); with the cache down,
#      @mode/local.py still builds.
#   8. tests/buck/secrets.sh: the Secure Boot key stays out of a real cache,
#      and a host file stands in for a pin by content (against this cache).
# Needs make's build first (README quick start, line 1: `make test` builds
# both architectures), with the same cloud-hypervisor choices: CH=none by
# default, as there, and CH_ARM64 as make's CLOUD_HYPERVISOR_ARM64 (default:
# CH, but none for a path).
set -euo pipefail
cd "$(dirname "$0")/../.."
CH=${CH:-none}
# make's default for the arm64 image (Makefile, CLOUD_HYPERVISOR_ARM64).
[ "${CH#/}" = "$CH" ] && CH_ARM64=${CH_ARM64:-$CH} || CH_ARM64=${CH_ARM64:-none}
B=(buck2 --isolation-dir ci)
CFG=(-c "mvirt.cloud_hypervisor=$CH" -c "mvirt.cloud_hypervisor_arm64=$CH_ARM64")
# A host file enters the buck2 build with its sha256 (docs/buck2.md).
[ "${CH#/}" = "$CH" ] || CFG+=(-c "mvirt.cloud_hypervisor_sha256=$(sha256sum < "$CH" | cut -c1-64)")
[ "${CH_ARM64#/}" = "$CH_ARM64" ] || CFG+=(-c "mvirt.cloud_hypervisor_arm64_sha256=$(sha256sum < "$CH_ARM64" | cut -c1-64)")
ARM64=(--target-platforms toolchains//:arm64)
work=$(mktemp -d)
restore=()
# The cache of these checks: its own directory, buck2's default port.
export MVIRT_CACHE_DIR=$work/cache MVIRT_CACHE_PORT=50051
cleanup() {
  for f in "${restore[@]}"; do git checkout -q -- "$f"; done
  "${B[@]}" kill >/dev/null 2>&1 || true
  [ -d "$work/second" ] && (cd "$work/second" && "${B[@]}" kill >/dev/null 2>&1 || true)
  git worktree remove --force "$work/second" >/dev/null 2>&1 || true
  cache/mvirt-cache stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
# Each step says when it starts (seconds since the script began): where the
# time goes, in CI's log.
step() { printf '\n== %s  [%d s]\n' "$*" "$SECONDS"; }
fail() { echo "tests/buck/check.sh: FAILED: $*" >&2; exit 1; }
arm64=${MVIRT_CHECK_ARM64:-0}
need=(target/mvirt.efi)
[ "$arm64" = 1 ] && need+=(target/arm64/initramfs.cpio.gz target/arm64/mvirt.efi)
for f in "${need[@]}"; do
  [ -f "$f" ] || fail "$f is missing: run make first (README quick start; make test builds both architectures)"
done
for tool in buck2 reindeer; do command -v "$tool" >/dev/null || fail "$tool is not on PATH (docs/buck2.md)"; done

step "0. a local cache (cache/mvirt-cache) in $MVIRT_CACHE_DIR"
cache/mvirt-cache start
L=(@mode/local.py)

step "1. buck2 build @mode/local.py //uki:mvirt from an empty buck-out"
# The machine's gcc, cc, g++ and ar, each behind a shim that logs its call:
# the daemon (started here) and its actions find them first on PATH.
logged=$work/logged-tools
mkdir -p "$logged"
for tool in gcc cc g++ ar; do
  real=$(command -v "$tool") || continue
  printf '%s\n' '#!/bin/sh' "echo \"$tool \$*\" >> '$work/cold-host-tools.log'" \
    "exec '$real' \"\$@\"" > "$logged/$tool"
  chmod +x "$logged/$tool"
done
: > "$work/cold-host-tools.log"
"${B[@]}" kill >/dev/null 2>&1 || true
PATH="$logged:$PATH" "${B[@]}" clean >/dev/null 2>&1 || true
t0=$(date +%s.%N)
PATH="$logged:$PATH" "${B[@]}" build "${L[@]}" //uki:mvirt //initramfs:initramfs "${CFG[@]}" --console simple
t1=$(date +%s.%N)
"${B[@]}" log what-ran --format json > "$work/cold.json"
# The machine's C toolchain built stage 0 alone (issue #24): every call the
# cold build made writes into a stage 0 configuration's directory; the other
# glibc binaries and their C were the pinned gcc's (toolchains/cxx.bzl).
python3 tests/buck/host_tools.py "$work/cold-host-tools.log" "$work/cold.json" \
  || fail "the machine's C toolchain ran outside stage 0 (above)"
# The output of one target (more arguments: e.g. "${ARM64[@]}").
out() { "${B[@]}" build "${L[@]}" "$@" "${CFG[@]}" --show-full-simple-output 2>/dev/null; }
uki=$(out //uki:mvirt)
initrd=$(out //initramfs:initramfs)
printf 'cold build: %.0f s → %s\n' "$(echo "$t1 - $t0" | bc)" "$uki"
# Kept for tests/remote/check.sh, which compares the remote build with it.
cp "$uki" target/buck-mvirt.efi

step "2. sections against make's target/mvirt.efi"
tool=target/release/mvirt-uki
same_sections() { # make's UKI, buck2's
  local s
  for s in .linux .cmdline .osrel .uname; do
    "$tool" extract --section "$s" -o "$work/make$s" "$1"
    "$tool" extract --section "$s" -o "$work/buck$s" "$2"
    cmp -s "$work/make$s" "$work/buck$s" || fail "section $s differs between make's $1 and buck2's $2"
    printf '%-9s identical (sha256 %s)\n' "$s" "$(sha256sum < "$work/buck$s" | cut -c1-16)"
  done
}
listing() { target/release/mvirt-cpio list "$1" | awk '$1 ~ /^-/ { $5 = "-" } { print }'; }
same_listing() { # make's initramfs, buck2's
  diff <(listing "$1") <(listing "$2") || fail "the initramfs listings of $1 and $2 differ"
  echo "initramfs: same $(listing "$2" | wc -l) entries (names, modes, links)"
}
same_sections target/mvirt.efi "$uki"
same_listing target/initramfs.cpio.gz "$initrd"

step "3. the same flags; image binaries alike"
make -n -B CLOUD_HYPERVISOR="$CH" > "$work/make-n.txt"
commands() { # what-ran JSON → the argv of every action that ran here
  python3 - "$1" <<'EOF2'
import json, sys
commands = []
for line in open(sys.argv[1]):
    rep = json.loads(line).get("reproducer", {})
    if rep.get("executor") == "Local":
        commands.append(rep["details"]["command"])
json.dump(commands, sys.stdout)
EOF2
}
commands "$work/cold.json" > "$work/buck-commands.json"
python3 tests/buck/flags.py "$work/make-n.txt" "$work/buck-commands.json" || fail "make and buck2 pass different flags"
alike() { # arch, musl triple, buck2 args...: cargo's and buck2's image binaries
  local arch=$1 triple=$2 bin b m; shift 2
  for bin in pideins mvirt mvirt-vmm; do
    # The binary that went into the initramfs (image_transition).
    b=$(out "//initramfs:initramfs[$bin]" "$@")
    m=target/image/$triple/release/$bin
    python3 - "$m" "$b" "$bin" "$arch" <<'EOF2' || fail "$arch $bin: cargo's and buck2's builds differ"
import os, struct, sys
m, b, name, arch = sys.argv[1:]
def elf(path):
    """(machine, static): e_machine, and no PT_INTERP program header."""
    data = open(path, "rb").read()
    assert data[:4] == b"\x7fELF" and data[4] == 2, f"{path}: not a 64-bit ELF"
    machine, = struct.unpack_from("<H", data, 18)
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    types = [struct.unpack_from("<I", data, phoff + i * phentsize)[0] for i in range(phnum)]
    return machine, 3 not in types
want = {"x86_64": 0x3E, "arm64": 0xB7}[arch]
# Both compiled by the pinned release and linked by its rust-lld (.comment).
release = [l.split('"')[1] for l in open("toolchains/rust/rustc-x86_64-unknown-linux-gnu.toml") if l.startswith("version")][0]
for who, path in (("cargo", m), ("buck2", b)):
    machine, static = elf(path)
    if machine != want or not static:
        sys.exit(f"{arch} {name}: {who}'s {path} is machine {machine:#x}, static {static}; want {want:#x}, static")
    data = open(path, "rb").read()
    for mark in (f"rustc version {release} ".encode(), b"Linker: LLD "):
        if mark not in data:
            sys.exit(f"{arch} {name}: {who}'s {path} has no {mark.decode()!r} in .comment: not the pinned rustc and its rust-lld")
sm, sb = os.path.getsize(m), os.path.getsize(b)
same = open(m, "rb").read() == open(b, "rb").read()
diff = abs(sm - sb) / sm * 100
print(f"{arch:6} {name:10} cargo {sm:9} B  buck2 {sb:9} B  {diff:5.2f} %  static, machine {want:#x}, rustc {release} + rust-lld, {'byte-identical' if same else 'not identical'}")
if diff >= 2:
    sys.exit(f"{arch} {name}: the sizes differ by 2 % or more")
EOF2
  done
}
alike x86_64 x86_64-unknown-linux-musl

step "4. arm64: --target-platforms toolchains//:arm64 against make ARCH=arm64"
# The commands of every run action of the arm64 UKI's graph (its inputs'
# actions, and its own with the uki_verify validation), from the graph
# itself: aquery prints each argv as "[a, b, ...]" (no argument of ours
# holds ", ").
"${B[@]}" aquery "kind(run, deps(//uki:mvirt) + all_actions(//uki:mvirt))" "${ARM64[@]}" "${CFG[@]}" \
  --output-attribute '^cmd$' --json > "$work/arm64-aquery.json"
python3 - "$work/arm64-aquery.json" > "$work/buck-commands-arm64.json" <<'EOF2'
import json, sys
commands = []
for attrs in json.load(open(sys.argv[1])).values():
    cmd = attrs.get("cmd", "")
    if cmd.startswith("[") and cmd.endswith("]"):
        commands.append(cmd[1:-1].split(", "))
json.dump(commands, sys.stdout)
EOF2
make -n -B ARCH=arm64 CLOUD_HYPERVISOR="$CH_ARM64" > "$work/make-n-arm64.txt"
python3 tests/buck/flags.py "$work/make-n-arm64.txt" "$work/buck-commands-arm64.json" \
  || fail "make ARCH=arm64 and buck2 on toolchains//:arm64 pass different flags"
if [ "$arm64" = 1 ]; then
  t0=$(date +%s.%N)
  "${B[@]}" build "${L[@]}" //initramfs:initramfs "${ARM64[@]}" "${CFG[@]}" --console simple
  t1=$(date +%s.%N)
  initrd_arm64=$(out //initramfs:initramfs "${ARM64[@]}")
  printf 'arm64 initramfs: %.0f s → %s\n' "$(echo "$t1 - $t0" | bc)" "$initrd_arm64"
  same_listing target/arm64/initramfs.cpio.gz "$initrd_arm64"
  alike arm64 aarch64-unknown-linux-musl "${ARM64[@]}"
  t0=$(date +%s.%N)
  "${B[@]}" build "${L[@]}" //uki:mvirt "${ARM64[@]}" "${CFG[@]}" --console simple
  t1=$(date +%s.%N)
  uki_arm64=$(out //uki:mvirt "${ARM64[@]}")
  printf 'arm64 UKI: %.0f s → %s\n' "$(echo "$t1 - $t0" | bc)" "$uki_arm64"
  python3 - "$uki_arm64" <<'EOF2' || fail "buck2's arm64 UKI is not an arm64 PE"
import struct, sys
data = open(sys.argv[1], "rb").read()
pe, = struct.unpack_from("<I", data, 0x3C)
assert data[pe:pe + 4] == b"PE\0\0", "no PE signature"
machine, = struct.unpack_from("<H", data, pe + 4)
print(f"PE machine {machine:#06x}")
sys.exit(0 if machine == 0xAA64 else f"machine {machine:#06x}, not 0xaa64 (arm64)")
EOF2
  same_sections target/arm64/mvirt.efi "$uki_arm64"
else
  echo "arm64: nothing compiled here (MVIRT_CHECK_ARM64=1 builds the initramfs and UKI; see step 4 above)"
fi

step "5. buck2 test"
if [ "${MVIRT_CHECK_BUCK_TEST:-}" = 1 ]; then
  "${B[@]}" test "${L[@]}" //... "${CFG[@]}" --console simple --exclude kernel_tree
else
  echo "buck2 test: //third-party/... and //tools/unpack/... (MVIRT_CHECK_BUCK_TEST=1 runs //...; see step 5 above)"
  "${B[@]}" test "${L[@]}" //third-party/... //tools/unpack/... "${CFG[@]}" --console simple
fi

step "6. incrementality"
t0=$(date +%s.%N)
"${B[@]}" build "${L[@]}" //uki:mvirt "${CFG[@]}" --console none
t1=$(date +%s.%N)
ran=$("${B[@]}" log what-ran | grep -c . || true)
printf 'second build: %.2f s, %s actions ran\n' "$(echo "$t1 - $t0" | bc)" "$ran"
[ "$ran" -eq 0 ] || fail "a second build ran $ran actions"

restore+=(uki/cmdline.txt)
echo "$(cat uki/cmdline.txt) mvirt.check=1" > uki/cmdline.txt
"${B[@]}" build "${L[@]}" //uki:mvirt "${CFG[@]}" --console none
"${B[@]}" log what-ran | cut -f2 > "$work/ran"
echo "after editing uki/cmdline.txt:"; sed 's/^/  /' "$work/ran"
# uki_verify's identifier names the image it checks: (uki_verify image).
grep -qv -e '(uki)' -e '(uki_verify' "$work/ran" && fail "more than the UKI actions ran"
grep -q '(uki)' "$work/ran" || fail "the UKI was not rebuilt"

restore+=(pideins/src/main.rs)
echo "// edited by tests/buck/check.sh" >> pideins/src/main.rs
"${B[@]}" build "${L[@]}" //uki:mvirt "${CFG[@]}" --console none
"${B[@]}" log what-ran | cut -f2 > "$work/ran"
echo "after editing pideins/src/main.rs:"; sed 's/^/  /' "$work/ran"
grep -q -e '(kernel_build)' -e '(kernel_config)' "$work/ran" && fail "the kernel was rebuilt"
grep -q 'pideins' "$work/ran" || fail "pideins was not rebuilt"

# The edited files go back before the cache checks and secrets.sh.
for f in "${restore[@]}"; do git checkout -q -- "$f"; done
restore=()

step "7. the cache survives (docs/cache.md)"
# A build after a fresh daemon: wall time, and what ran where. (A second
# checkout uses the same isolation directory name: buck-out paths, and so
# action digests, contain it.) No kernel action may run here; what did run
# outside the cache is listed by category. The wall time is printed, not judged (a loaded
# machine is slow; bench/cache.sh measures it beside a reference).
cached_build() { # label, buck2 command...
  local label=$1; shift
  "$@" kill >/dev/null 2>&1 || true
  local t0 t1
  t0=$(date +%s.%N)
  "$@" build "${L[@]}" //uki:mvirt "${CFG[@]}" --console none
  t1=$(date +%s.%N)
  "$@" log what-ran --format json > "$work/warm.json"
  python3 - "$work/warm.json" "$label" "$(echo "$t1 - $t0" | bc)" <<'EOF2'
import collections, json, sys
path, label, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
where = collections.Counter()
kernel_here, local_kinds = [], collections.Counter()
for line in open(path):
    entry = json.loads(line)
    executor = entry.get("reproducer", {}).get("executor", "?")
    where[executor] += 1
    identity = entry.get("identity", "")
    if executor != "Cache":
        # "root//x:y (cfg) (category identifier)": the category is what ran.
        kind = identity.rsplit("(", 1)[-1].rstrip(")").split(" ")[0]
        local_kinds[kind] += 1
        if "(kernel_" in identity:
            kernel_here.append(identity)
print(f"{label}: {secs:.1f} s; actions by executor: {dict(where)}; not from the cache: {dict(local_kinds)}")
if kernel_here:
    sys.exit(f"  the kernel ran again instead of coming from the cache: {kernel_here}")
EOF2
}
cached_build "after buck2 kill" "${B[@]}" || fail "the cache did not serve the build after buck2 kill"
cache/mvirt-cache stop
cache/mvirt-cache start
cached_build "after the cache server restarted" "${B[@]}" || fail "the cache did not survive its restart"
git worktree add -q --detach "$work/second" HEAD
# The second checkout is a teammate whose host compilers differ (issue #24):
# `rustc` on PATH is another release (rustup's nightly) and gcc, cc, g++ and
# the cross gcc fail. Every Rust action is keyed on the pinned compiler, so
# the cache's results are the right ones, and no host compiler runs: each
# shim logs its call, and the log must stay empty.
shims=$work/shims
mkdir -p "$shims"
nightly=$(rustup which --toolchain nightly rustc 2>/dev/null || true)
for tool in rustc gcc cc g++ aarch64-linux-gnu-gcc; do
  {
    echo '#!/bin/sh'
    echo "echo \"$tool \$*\" >> '$work/host-compilers.log'"
    if [ "$tool" = rustc ] && [ -n "$nightly" ]; then echo "exec '$nightly' \"\$@\""; else echo "echo '$tool: the host compiler is not to be used here (tests/buck/check.sh)' >&2; exit 1"; fi
  } > "$shims/$tool"
  chmod +x "$shims/$tool"
done
echo "second checkout: rustc on PATH is $("$shims/rustc" --version 2>/dev/null || echo 'a failing shim'); gcc, cc, g++ fail"
: > "$work/host-compilers.log"
(cd "$work/second" && PATH="$shims:$PATH" cached_build "a second checkout ($work/second)" "${B[@]}") \
  || fail "a second checkout did not get the cache's results (host compilers: $(cat "$work/host-compilers.log"))"
[ ! -s "$work/host-compilers.log" ] || { head -5 "$work/host-compilers.log"; fail "the second checkout ran a host compiler (above)"; }
echo "second checkout: no host compiler ran"
# Stage 0 (the host rustc that builds mvirt-unpack) refuses any rustc but
# the pinned release: built here without the cache (no mode file), with the shims.
(cd "$work/second" && PATH="$shims:$PATH" buck2 --isolation-dir stage0 build \
  toolchains//:mvirt-unpack-stage0 --console simple) > "$work/stage0.log" 2>&1 \
  && fail "stage 0 built mvirt-unpack with another rustc"
grep -q "stage 0 needs rustc" "$work/stage0.log" \
  || { tail -20 "$work/stage0.log"; fail "stage 0 failed, but not on its rustc check"; }
# (--console simple: buck2 prints a failed action's stderr only on a console.)
echo "stage 0 refused the other rustc: $(grep -m1 -A1 'but the rustc on PATH says' "$work/stage0.log" | tail -1)"
(cd "$work/second" && buck2 --isolation-dir stage0 kill >/dev/null 2>&1 || true)
(cd "$work/second" && "${B[@]}" kill >/dev/null 2>&1 || true)
git worktree remove --force "$work/second"
cache/mvirt-cache stop
restore+=(uki/cmdline.txt)
echo "$(cat uki/cmdline.txt) mvirt.cache_down=1" > uki/cmdline.txt
t0=$(date +%s)
"${B[@]}" build "${L[@]}" //uki:mvirt "${CFG[@]}" --console none 2> "$work/down.log" \
  || { cat "$work/down.log"; fail "with the cache down, @mode/local.py did not build"; }
echo "with the cache down: @mode/local.py built in $(($(date +%s) - t0)) s without it"
git checkout -q -- uki/cmdline.txt
restore=()
"${B[@]}" kill >/dev/null 2>&1 || true

step "8. secrets and host files (tests/buck/secrets.sh, against this cache)"
MVIRT_BUCK_ISOLATION=ci bash tests/buck/secrets.sh
echo "tests/buck/check.sh: all Buck2 checks passed"
