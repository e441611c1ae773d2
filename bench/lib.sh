# Shared by the bench/ scripts (sourced, not run).

# best_of N CMD...: the best of N wall-clock times of CMD, in seconds.
best_of() {
  local n=$1 best=999999 t s e
  shift
  for _ in $(seq "$n"); do
    s=$(date +%s.%N); "$@"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc); if (( $(echo "$t < $best" | bc) )); then best=$t; fi
  done
  echo "$best"
}
