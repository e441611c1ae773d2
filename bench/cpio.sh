#!/usr/bin/env bash
# Benchmark: mvirt-cpio against the classic pipeline on the same ~50 MB tree,
# in the same run:
#   find | LC_ALL=C sort | cpio -o -H newc --reproducible | gzip -9n
# Prints wall time (best of 3) and size for each, plus mvirt-cpio with zstd.
# BENCH_SMOKE=1: a ~1 MB tree, one run of each.
# Usage: bench/cpio.sh   (after `make` or `cargo build --release -p mvirt-cpio`)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
tool=target/release/mvirt-cpio
[ -x "$tool" ] || cargo build --offline --release -q -p mvirt-cpio
command -v cpio >/dev/null || skip bench/cpio.sh "GNU cpio (the reference) is not installed (./bootstrap)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
size=$(if smoke; then echo 1000000; else echo 50000000; fi)
n=$(runs 3)

# The tree: binaries of this build (real ELF files) repeated, text files,
# and some incompressible data — about 50 MB, in the proportions of an
# initramfs full of static binaries.
mkdir -p "$work/tree"
python3 - "$work/tree" "$size" <<'PY'
import os, random, sys
root, size = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
bins = [p for p in ("target/release/mvirt-cpio", "target/release/mvirt-uki",
                    "target/release/mvirt-kconfig", "target/release/mvirt-kbuild") if os.path.exists(p)]
total = 0
i = 0
while total < size:
    d = os.path.join(root, f"dir{i % 37}", f"sub{i % 5}")
    os.makedirs(d, exist_ok=True)
    kind = i % 4
    if kind == 0 and bins:
        data = open(bins[i % len(bins)], "rb").read()[:size // 10]
    elif kind == 1:
        data = ("".join(f"line {j} of file {i}: the quick brown fox\n" for j in range(2000))).encode()
    elif kind == 2:
        data = rnd.randbytes(200_000)
    else:
        data = bytes(rnd.choice(b"ACGT") for _ in range(100_000))
    open(os.path.join(d, f"f{i}"), "wb").write(data)
    total += len(data)
    i += 1
with open(os.path.join(root, "..", "spec.toml"), "w") as spec:
    for dirpath, dirnames, filenames in os.walk(root):
        for f in filenames:
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, root)
            spec.write(f'[[entry]]\npath = "/{rel}"\nkind = "file"\nsource = "tree/{rel}"\n\n')
print(f"tree: {i} files, {total/1e6:.1f} MB")
PY


ref() { (cd "$work/tree" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible --quiet | gzip -9n > "$work/ref.cpio.gz"); }
# --mtime is required (the archive's one timestamp); its value does not
# change the work. mvirt-cpio's own note goes to a log, shown if it fails.
build() { "$tool" build --spec "$work/spec.toml" --mtime 0 -o "$1" 2>"$work/build.log" || { cat "$work/build.log" >&2; return 1; }; }
ours() { build "$work/ours.cpio.gz"; }
ours_zstd() { build "$work/ours.cpio.zst"; }

t_ref=$(best_of "$n" ref); s_ref=$(stat -c %s "$work/ref.cpio.gz")
t_ours=$(best_of "$n" ours); s_ours=$(stat -c %s "$work/ours.cpio.gz")
t_zstd=$(best_of "$n" ours_zstd); s_zstd=$(stat -c %s "$work/ours.cpio.zst")
printf '%-44s %8s %12s %8s %8s\n' "" "time(s)" "bytes" "time×" "size×"
printf '%-44s %8.2f %12d %8s %8s\n' "reference: find|sort|cpio|gzip -9n" "$t_ref" "$s_ref" "1.00" "1.00"
printf '%-44s %8.2f %12d %8.2f %8.3f\n' "mvirt-cpio (gzip -9)" "$t_ours" "$s_ours" "$(echo "$t_ours / $t_ref" | bc -l)" "$(echo "$s_ours / $s_ref" | bc -l)"
printf '%-44s %8.2f %12d %8.2f %8.3f\n' "mvirt-cpio (zstd -19)" "$t_zstd" "$s_zstd" "$(echo "$t_zstd / $t_ref" | bc -l)" "$(echo "$s_zstd / $s_ref" | bc -l)"
