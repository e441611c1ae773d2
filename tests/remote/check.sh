#!/usr/bin/env bash
# Remote execution and cache checks (run by .ci/run when buck2, reindeer and
# nativelink are on PATH; docs/remote.md). Against a real REAPI service,
# NativeLink on 127.0.0.1 (tests/remote/nativelink.json5):
#   1. `buck2 build @mode/remote //uki:mvirt` from an empty buck-out: the
#      kernel compile runs on the remote worker (what-ran), and the UKI
#      equals the local build's byte for byte (LOCAL_UKI, or built here).
#      A probe action that reads an undeclared file fails remotely.
#   2. A second checkout in another directory, empty buck-out, builds from
#      the remote cache without compiling the kernel; wall times side by side.
#   3. Cache-only mode against a fresh, empty service: a local build (of the
#      initramfs) uploads; the second checkout hits the cache.
#   4. Changing the kernel toolchain (a tool declared in
#      toolchains/kernel/toolchain.toml) invalidates the kernel actions: the
#      tool directory is made again and kernel_config runs again.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
CFG=(-c mvirt.cloud_hypervisor=none)
work=$(mktemp -d -p "$repo/target" remote-check.XXXXXX)
state=/tmp/mvirt-nativelink
nl_pid=
cleanup() {
  [ -n "$nl_pid" ] && kill "$nl_pid" 2>/dev/null && wait "$nl_pid" 2>/dev/null
  for d in "$repo" "$work/b"; do
    [ -d "$d" ] && (cd "$d" && buck2 --isolation-dir re kill >/dev/null 2>&1 || true)
  done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "tests/remote/check.sh: FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }
for tool in buck2 nativelink; do command -v "$tool" >/dev/null || fail "$tool is not on PATH (docs/remote.md)"; done
now() { date +%s.%N; }

start_service() {
  [ -n "$nl_pid" ] && { kill "$nl_pid"; wait "$nl_pid" 2>/dev/null || true; }
  rm -rf "$state"
  nativelink tests/remote/nativelink.json5 > "$work/nativelink.log" 2>&1 &
  nl_pid=$!
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/50051) 2>/dev/null && return 0
    kill -0 "$nl_pid" 2>/dev/null || { tail -20 "$work/nativelink.log"; fail "nativelink exited"; }
    sleep 0.2
  done
  fail "nativelink did not listen on 127.0.0.1:50051"
}
# A second checkout: the tracked and untracked (not ignored) files.
checkout() {
  rm -rf "$1"; mkdir -p "$1"
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [ -e "$f" ] || continue
    mkdir -p "$1/$(dirname "$f")"; cp -P "$f" "$1/$f"
  done
}
b() { (cd "$1" && shift && buck2 --isolation-dir re "$@"); }
out() { b "$1" build "${@:2}" //uki:mvirt "${CFG[@]}" --show-full-simple-output 2>/dev/null; }
ran() { b "$1" log what-ran; }

if [ -z "${LOCAL_UKI:-}" ]; then
  step "0. a local build, for comparison"
  b "$repo" build //uki:mvirt "${CFG[@]}" --console simple
  LOCAL_UKI=$(out "$repo")
fi
cp "$LOCAL_UKI" "$work/local.efi"

step "1. buck2 build @mode/remote //uki:mvirt, empty buck-out and cache"
start_service
b "$repo" clean >/dev/null 2>&1 || true
t0=$(now); b "$repo" build @mode/remote //uki:mvirt "${CFG[@]}" --console simple; t1=$(now)
cold=$(echo "$t1 - $t0" | bc)
ran "$repo" > "$work/ran1"
grep -P '\(kernel_build\)\t' "$work/ran1" | cut -f2,3 | sed 's/^/  /'
grep -P '\(kernel_build\)\tre' "$work/ran1" >/dev/null || fail "the kernel compile did not run on the remote worker"
echo "  remote actions: $(cut -f3 "$work/ran1" | grep -c '^re' || true) of $(wc -l < "$work/ran1")"
cmp "$(out "$repo" @mode/remote)" "$work/local.efi" || fail "the remote build's UKI differs from the local build's"
echo "  the UKI equals the local build's: sha256 $(sha256sum < "$work/local.efi" | cut -c1-16)"

# (Remote first: a local result of the same action could otherwise be reused.)
if b "$repo" build @mode/remote //tests/remote:undeclared-read-probe --console simple > "$work/probe.log" 2>&1; then
  fail "an action read an undeclared file on the remote worker"
fi
grep -q "No such file" "$work/probe.log" || { tail -20 "$work/probe.log"; fail "the probe failed for another reason"; }
b "$repo" build //tests/remote:undeclared-read-probe --console none
echo "  a probe action reading an undeclared file fails on the worker (and works locally: no sandbox)"

step "2. a second checkout, empty buck-out, from the remote cache"
checkout "$work/b"
t0=$(now); b "$work/b" build @mode/remote //uki:mvirt "${CFG[@]}" --console simple; t1=$(now)
warm=$(echo "$t1 - $t0" | bc)
ran "$work/b" > "$work/ran2"
grep -P '\(kernel_(build|config)\)\t(re|local)\b' "$work/ran2" | grep -v cache && fail "the second checkout compiled the kernel again"
cmp "$(out "$work/b" @mode/remote)" "$work/local.efi" || fail "the second checkout's UKI differs"
printf '  cold remote build: %.0f s; second checkout from the cache: %.0f s\n' "$cold" "$warm"

step "3. cache-only mode (@mode/cache), fresh service: //initramfs:initramfs"
# (The initramfs and its ~150 Rust actions, not the whole UKI: step 1 has
# shown the kernel going through the cache already; this keeps CI shorter.)
start_service
b "$repo" clean >/dev/null 2>&1 || true
t0=$(now); b "$repo" build @mode/cache //initramfs:initramfs "${CFG[@]}" --console simple; t1=$(now)
ran "$repo" > "$work/ran3"
grep -P '\tre\(' "$work/ran3" && fail "cache-only mode executed remotely"
echo "  local build: $(grep -cP '\tlocal' "$work/ran3" || true) actions ran locally (and were uploaded)"
b "$work/b" clean >/dev/null 2>&1 || true
t2=$(now); b "$work/b" build @mode/cache //initramfs:initramfs "${CFG[@]}" --console simple; t3=$(now)
ran "$work/b" > "$work/ran4"
grep -P '\(initramfs\)\t' "$work/ran4" | cut -f2,3 | sed 's/^/  /'
grep -P '\(initramfs\)\tcache' "$work/ran4" >/dev/null || fail "the second checkout did not take the initramfs from the cache"
grep -P '\(rustc [^)]*\)\tlocal' "$work/ran4" && fail "the second checkout compiled Rust again"
echo "  second checkout: $(grep -cP '\tcache' "$work/ran4" || true) actions from the cache, $(grep -cP '\tlocal' "$work/ran4" || true) run again (the prelude does not upload C compiles)"
printf '  local build uploading: %.0f s; second checkout from the cache: %.0f s\n' \
  "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)"

step "4. a changed kernel toolchain invalidates the kernel actions"
sed -i 's|^make = "usr/bin/make"$|make = "usr/bin/make"\ngmake = "usr/bin/make"|' "$work/b/toolchains/kernel/toolchain.toml"
grep -q '^gmake = ' "$work/b/toolchains/kernel/toolchain.toml" || fail "could not edit the toolchain spec"
b "$work/b" build @mode/cache //kernel:config "${CFG[@]}" --console simple > "$work/changed.log" 2>&1 \
  || { tail -20 "$work/changed.log"; fail "the kernel config did not build with the changed toolchain"; }
ran "$work/b" > "$work/ran5"
grep -P '\((kernel_tools|kernel_config)\)\t' "$work/ran5" | cut -f2,3 | sed 's/^/  /'
grep -P '\(kernel_tools\)\t(local|re)\b' "$work/ran5" >/dev/null || fail "the tool directory was not made again"
grep -P '\(kernel_config\)\t(local|re)\b' "$work/ran5" >/dev/null || fail "kernel_config was not run again"
echo "  the tool directory and kernel_config ran again: the toolchain is in their keys"
echo "tests/remote/check.sh: all remote checks passed"
