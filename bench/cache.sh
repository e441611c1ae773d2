#!/usr/bin/env bash
# Benchmark: what the local REAPI cache (cache/mvirt-cache, docs/cache.md)
# saves after a buck2 daemon restart, beside the same restart without it.
# In one run, with a cache in a temporary directory:
#   1. cold: `buck2 build @mode/local.py //uki:mvirt` from an empty buck-out
#      (every action runs here; results go to the cache);
#   2. `buck2 kill`, the same build: wall time, actions run here vs cache hits,
#      kernel compiles (target: <= 15 s, 0 kernel compiles);
#   3. the cache server stopped and started, `buck2 kill`, the same build;
#   4. a second checkout (git worktree of HEAD), the same build;
#   5. reference: `buck2 kill`, the same build without a cache (buck2's own
#      behaviour: everything again, the kernel compile included).
# Takes two cold builds (about 20 minutes each on 2 cores). Needs buck2, and
# cache/mvirt-cache's buildgrid + redis (./bootstrap). Commit first: step 4
# checks out HEAD.
# BENCH_SMOKE=1 checks what it needs, then SKIPS: even its smallest run is
# two cold buck2 builds of the kernel, not a smoke test.
# Usage: bench/cache.sh [CLOUD_HYPERVISOR choice, default none]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
command -v buck2 >/dev/null || skip bench/cache.sh "buck2 is not on PATH (docs/buck2.md)"
[ -x cache/mvirt-cache ] || skip bench/cache.sh "cache/mvirt-cache is missing"
smoke && skip bench/cache.sh "its smallest run is two cold buck2 builds (about 40 minutes); run it without BENCH_SMOKE"
work=$(mktemp -d)
export MVIRT_CACHE_DIR=$work/cache MVIRT_CACHE_PORT=50051
B=(buck2 --isolation-dir bench)
CFG=(-c "mvirt.cloud_hypervisor=${1:-none}")
cleanup() {
  "${B[@]}" kill >/dev/null 2>&1 || true
  [ -d "$work/second" ] && (cd "$work/second" && "${B[@]}" kill >/dev/null 2>&1 || true)
  git worktree remove --force "$work/second" >/dev/null 2>&1 || true
  cache/mvirt-cache stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
results=()

# run LABEL MODE BUCK2... : kill the daemon, build, record time and what ran.
run() {
  local label=$1 mode=$2; shift 2
  "$@" kill >/dev/null 2>&1 || true
  echo "bench/cache.sh: $label" >&2
  local t0 t1
  t0=$(date +%s.%N)
  "$@" build $mode //uki:mvirt "${CFG[@]}" --console none >/dev/null 2>&1
  t1=$(date +%s.%N)
  "$@" log what-ran --format json > "$work/ran.json"
  results+=("$(python3 - "$work/ran.json" "$label" "$(echo "$t1 - $t0" | bc)" <<'EOF'
import collections, json, sys
path, label, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
where, kernel = collections.Counter(), 0
for line in open(path):
    entry = json.loads(line)
    executor = entry.get("reproducer", {}).get("executor", "?")
    where["hit" if executor == "Cache" else "ran"] += 1
    kernel += executor != "Cache" and "(kernel_build)" in entry.get("identity", "")
print(f"{label:44} {secs:8.1f} {where['ran']:6} {where['hit']:6} {kernel:8}")
EOF
)")
}

cache/mvirt-cache start
"${B[@]}" clean >/dev/null 2>&1 || true
run "1. cold, through the cache" @mode/local.py "${B[@]}"
run "2. after buck2 kill, with the cache" @mode/local.py "${B[@]}"
cache/mvirt-cache stop
cache/mvirt-cache start
run "3. after the cache server restarted" @mode/local.py "${B[@]}"
git worktree add -q --detach "$work/second" HEAD
(cd "$work/second" && run "4. a second checkout" @mode/local.py "${B[@]}"
 printf '%s\n' "${results[-1]}" > "$work/second.result")
results+=("$(cat "$work/second.result")")
cache/mvirt-cache stop
run "5. reference: after buck2 kill, no cache" "" "${B[@]}"

printf '\n%-44s %8s %6s %6s %8s\n' "//uki:mvirt ($(nproc) CPUs)" "wall (s)" "ran" "hits" "kernels"
printf '%s\n' "${results[@]}"
