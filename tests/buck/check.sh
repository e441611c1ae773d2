#!/usr/bin/env bash
# The Buck2 acceptance checks (run by .ci/run when buck2 is on PATH):
#   1. From an empty buck-out, `buck2 build //uki:mvirt` builds the UKI.
#   2. Its .linux .cmdline .osrel .uname sections are byte-identical to those
#      of make's target/mvirt.efi; the initramfs lists the same names, modes
#      and links (file sizes may differ: two compiler front ends).
#   3. `buck2 test //...` passes.
#   4. A second build runs nothing; after an edit of uki/cmdline.txt only the
#      UKI actions run; after an edit of pideins the kernel actions do not
#      (shown with `buck2 log what-ran`).
#   5. tests/buck/secrets.sh: the Secure Boot key stays out of a real cache,
#      and a host file stands in for a pin by content.
# Needs make's build first (README quick start, line 1), with the same
# cloud-hypervisor choice: CH=none by default, as there.
set -euo pipefail
cd "$(dirname "$0")/../.."
CH=${CH:-none}
B=(buck2 --isolation-dir ci)
CFG=(-c "mvirt.cloud_hypervisor=$CH")
# A host file enters the buck2 build with its sha256 (docs/buck2.md).
[ "${CH#/}" = "$CH" ] || CFG+=(-c "mvirt.cloud_hypervisor_sha256=$(sha256sum < "$CH" | cut -c1-64)")
work=$(mktemp -d)
restore=()
cleanup() {
  for f in "${restore[@]}"; do git checkout -q -- "$f"; done
  rm -rf "$work"
  "${B[@]}" kill >/dev/null 2>&1 || true
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { echo "tests/buck/check.sh: FAILED: $*" >&2; exit 1; }
[ -f target/mvirt.efi ] || fail "target/mvirt.efi is missing: run make first (README quick start)"
for tool in buck2 reindeer; do command -v "$tool" >/dev/null || fail "$tool is not on PATH (docs/buck2.md)"; done

step "1. buck2 build //uki:mvirt from an empty buck-out"
"${B[@]}" clean >/dev/null 2>&1 || true
t0=$(date +%s.%N)
"${B[@]}" build //uki:mvirt //initramfs:initramfs "${CFG[@]}" --console simple
t1=$(date +%s.%N)
out() { "${B[@]}" build "$1" "${CFG[@]}" --show-full-simple-output 2>/dev/null; }
uki=$(out //uki:mvirt)
initrd=$(out //initramfs:initramfs)
printf 'cold build: %.0f s → %s\n' "$(echo "$t1 - $t0" | bc)" "$uki"
# Kept for tests/remote/check.sh, which compares the remote build with it.
cp "$uki" target/buck-mvirt.efi

step "2. sections against make's target/mvirt.efi"
tool=target/release/mvirt-uki
for s in .linux .cmdline .osrel .uname; do
  "$tool" extract --section "$s" -o "$work/make$s" target/mvirt.efi
  "$tool" extract --section "$s" -o "$work/buck$s" "$uki"
  cmp -s "$work/make$s" "$work/buck$s" || fail "section $s differs between make and buck2"
  printf '%-9s identical (sha256 %s)\n' "$s" "$(sha256sum < "$work/buck$s" | cut -c1-16)"
done
listing() { target/release/mvirt-cpio list "$1" | awk '$1 ~ /^-/ { $5 = "-" } { print }'; }
diff <(listing target/initramfs.cpio.gz) <(listing "$initrd") || fail "the initramfs listings differ"
echo "initramfs: same $(listing "$initrd" | wc -l) entries (names, modes, links)"

step "3. buck2 test //..."
"${B[@]}" test //... "${CFG[@]}" --console simple

step "4. incrementality"
t0=$(date +%s.%N)
"${B[@]}" build //uki:mvirt "${CFG[@]}" --console none
t1=$(date +%s.%N)
ran=$("${B[@]}" log what-ran | grep -c . || true)
printf 'second build: %.2f s, %s actions ran\n' "$(echo "$t1 - $t0" | bc)" "$ran"
[ "$ran" -eq 0 ] || fail "a second build ran $ran actions"

restore+=(uki/cmdline.txt)
echo "$(cat uki/cmdline.txt) mvirt.check=1" > uki/cmdline.txt
"${B[@]}" build //uki:mvirt "${CFG[@]}" --console none
"${B[@]}" log what-ran | cut -f2 > "$work/ran"
echo "after editing uki/cmdline.txt:"; sed 's/^/  /' "$work/ran"
grep -qv -e '(uki)' -e '(uki_verify)' "$work/ran" && fail "more than the UKI actions ran"
grep -q '(uki)' "$work/ran" || fail "the UKI was not rebuilt"

restore+=(pideins/src/main.rs)
echo "// edited by tests/buck/check.sh" >> pideins/src/main.rs
"${B[@]}" build //uki:mvirt "${CFG[@]}" --console none
"${B[@]}" log what-ran | cut -f2 > "$work/ran"
echo "after editing pideins/src/main.rs:"; sed 's/^/  /' "$work/ran"
grep -q -e '(kernel_build)' -e '(kernel_config)' "$work/ran" && fail "the kernel was rebuilt"
grep -q 'pideins' "$work/ran" || fail "pideins was not rebuilt"

# The edited files go back before secrets.sh copies the tree.
for f in "${restore[@]}"; do git checkout -q -- "$f"; done
restore=()
"${B[@]}" kill >/dev/null 2>&1 || true
step "5. secrets and host files (tests/buck/secrets.sh)"
bash tests/buck/secrets.sh
echo "tests/buck/check.sh: all Buck2 checks passed"
