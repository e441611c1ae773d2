# Shared by the bench/ scripts (sourced, not run).
#
# BENCH_SMOKE=1 (make bench-smoke) runs each bench once on its smallest
# input: it checks that the bench still runs, and measures nothing. A bench
# that needs what is not there (a full `make`, buck2) says SKIPPING and why,
# and exits 0, in a smoke run; a real run fails instead.

# A failure inside $(...) fails the script (bash does not do so by default).
shopt -s inherit_errexit
BENCH_SMOKE=${BENCH_SMOKE:-0}

# smoke: whether this is a smoke run.
smoke() { [ "$BENCH_SMOKE" = 1 ]; }

# runs N: N, or 1 in a smoke run.
runs() { if smoke; then echo 1; else echo "$1"; fi; }

# skip NAME REASON: in a smoke run, say loudly that NAME did not run and
# why, and exit 0; otherwise fail with REASON.
skip() {
  if smoke; then
    echo "$1: SKIPPING: $2" >&2
    exit 0
  fi
  echo "$1: $2" >&2
  exit 1
}

# best_of N CMD...: the best of N wall-clock times of CMD, in seconds. A
# failing CMD fails the bench (with its own message), not a later step.
best_of() {
  local n=$1 best=999999 t s e
  shift
  for _ in $(seq "$n"); do
    s=$(date +%s.%N)
    "$@" || { echo "bench: '$*' failed" >&2; return 1; }
    e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc); if (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}
