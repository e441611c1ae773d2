#!/usr/bin/env bash
# Secrets and host files in the Buck2 graph (issue #16 item 4; docs/buck2.md,
# "Secrets and host files"), against a real REAPI cache: the local cache of
# cache/mvirt-cache (buildgrid on 127.0.0.1, docs/cache.md), in @mode/cache,
# in a copy of this tree (buck2 reads [buck2_re_client] only from the
# project's files, so the copy gets a .buckconfig.local; this checkout is
# not touched). tests/buck/check.sh passes its cache (MVIRT_CACHE_DIR,
# MVIRT_CACHE_PORT), which already holds the kernel and Rust results of its
# build, so the copy builds only what differs (the initramfs, the UKI and
# its signature); alone, this script starts a cache of its own.
#   1. //uki:mvirt signed with a fresh Secure Boot key ([mvirt] signing_key,
#      an absolute path; signing_cert, an input), built with
#      --upload-all-actions, which uploads every action and all its inputs:
#      the signing ran locally, allowed no upload, and the cache has no
#      result for its digest (control: it has the unsigned UKI's); the
#      cache's storage holds neither the key (PEM, a line of its base64
#      body, DER, its private numbers) nor its sha256 (a blob's name, hex or
#      raw). Control: the certificate, an input of the same action, is
#      there. The signed UKI verifies with sbverify --cert.
#   2. cloud-hypervisor from a host file (-c mvirt.cloud_hypervisor=PATH and
#      its sha256): the file's bytes change, and with the new sha256 the
#      initramfs changes and holds the new bytes; bytes that do not match
#      the sha256 given are refused, never packed.
#   3. With the cache down, @mode/cache fails on the first action that has to
#      run, naming the cache (buck2 treats a failed lookup as an action
#      error, after ~45 s of connection retries); `--no-remote-cache` builds
#      it here, keeping everything built before.
# Run by tests/buck/check.sh. Needs buck2, sbverify, openssl, bsdtar and
# buildgrid + redis (./bootstrap). With check.sh's cache the checks take a
# few minutes (45 s of it the cache-down retries); alone, the copy's first
# build is cold (kernel and Rust, about 20 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
work=$(mktemp -d)
copy=$work/repo
# buck-out paths, and so action digests, contain the isolation directory's
# name: the copy uses check.sh's (MVIRT_BUCK_ISOLATION) to share its results.
B=(buck2 --isolation-dir "${MVIRT_BUCK_ISOLATION:-secrets}")
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
export MVIRT_CACHE_DIR=${MVIRT_CACHE_DIR:-$work/cache}
export MVIRT_CACHE_PORT=${MVIRT_CACHE_PORT:-$(free_port)}
port=$MVIRT_CACHE_PORT
cas=$MVIRT_CACHE_DIR/cas
stop_cache() { cache/mvirt-cache stop >/dev/null 2>&1 || true; }
cleanup() {
  stop_cache
  [ -d "$copy" ] && (cd "$copy" && "${B[@]}" kill >/dev/null 2>&1 || true)
  rm -rf "$work"
}
trap cleanup EXIT
# Each step says when it starts (seconds since the script began): where the
# time goes, in CI's log.
step() { printf '\n== %s  [%d s]\n' "$*" "$SECONDS"; }
fail() { echo "tests/buck/secrets.sh: FAILED: $*" >&2; exit 1; }
for tool in buck2 sbverify openssl bsdtar; do
  command -v "$tool" >/dev/null || fail "$tool is not on PATH (./bootstrap; docs/buck2.md)"
done
[ -x .venv/bin/bgd ] || fail "buildgrid is not in .venv/: run ./bootstrap"
command -v redis-server >/dev/null || fail "redis-server is missing: run ./bootstrap"
b() { (cd "$copy" && "${B[@]}" "$@"); }
ran() { b log what-ran 2>/dev/null; }
out() { b build "$@" --show-full-simple-output 2>/dev/null; }
t_start=$(date +%s)

# Searches the cache's storage for FILE. `absent`: every form of the private
# key FILE (PEM, each base64 line, DER as PKCS#8 and PKCS#1, d, p and q) and
# its sha256 (as a blob's name, in hex, raw); fails naming what it found.
# `present`: FILE's bytes and its sha256 as a blob's name; fails if either is
# missing (the control that shows the search sees uploaded inputs).
search() {
  "$repo/.venv/bin/python" - "$@" <<'EOF'
import hashlib, os, sys
mode, path, store = sys.argv[1:]
data = open(path, "rb").read()
digest = hashlib.sha256(data).hexdigest()
needles = {"the file's bytes": data, "its sha256 (hex)": digest.encode()}
if mode == "absent":
    from cryptography.hazmat.primitives import serialization as s
    key = s.load_pem_private_key(data, None)
    nums = key.private_numbers()
    big = lambda x: x.to_bytes((x.bit_length() + 7) // 8, "big")
    needles["its sha256 (raw)"] = bytes.fromhex(digest)
    for fmt in ("PKCS8", "TraditionalOpenSSL"):
        der = key.private_bytes(s.Encoding.DER, getattr(s.PrivateFormat, fmt), s.NoEncryption())
        needles[f"its DER ({fmt})"] = der
    for name in ("d", "p", "q"):
        needles[f"its private number {name}"] = big(getattr(nums, name))
    for i, line in enumerate(l for l in data.splitlines() if l and not l.startswith(b"-----")):
        needles[f"line {i + 1} of its base64 body"] = line
found, blobs, size = set(), 0, 0
for root, _, files in os.walk(store):
    for f in files:
        blobs += 1
        if os.path.basename(root) + f == digest:
            found.add("a blob named by its sha256")
        blob = open(os.path.join(root, f), "rb").read()
        size += len(blob)
        found.update(what for what, needle in needles.items() if needle in blob)
print(f"  searched {blobs} blobs, {size >> 20} MiB, for {len(needles) + 1} forms of {os.path.basename(path)}")
if mode == "absent" and found:
    sys.exit("  FOUND in the cache: " + ", ".join(sorted(found)))
missing = {"the file's bytes", "a blob named by its sha256"} - found
if mode == "present" and missing:
    sys.exit("  NOT found in the cache: " + ", ".join(sorted(missing)))
print("  " + ("none found" if mode == "absent" else "found: " + ", ".join(sorted(found))))
EOF
}

step "0. a copy of this tree, a Secure Boot key, the cache on 127.0.0.1"
mkdir -p "$copy" "$work/keys" "$work/host"
git ls-files -z --cached --others --exclude-standard \
  | tar -c --null -T - --ignore-failed-read -f - 2>/dev/null | tar -x -C "$copy"
cat > "$copy/.buckconfig.local" <<EOF
[buck2_re_client]
  engine_address = grpc://127.0.0.1:$port
  cas_address = grpc://127.0.0.1:$port
  action_cache_address = grpc://127.0.0.1:$port
  instance_name = main
  tls = false
EOF
key=$work/keys/db.key
openssl req -x509 -newkey rsa:2048 -nodes -subj "/CN=mvirt-os secrets test" -days 2 \
  -keyout "$key" -out "$work/keys/db.crt" 2>/dev/null
cp "$work/keys/db.crt" "$copy/uki/db.crt"
cache/mvirt-cache start || fail "the cache did not start"
echo "  the cache on 127.0.0.1:$port, CAS in $cas; key $key (sha256 $(sha256sum < "$key" | cut -c1-16)…)"
# The stand-in cloud-hypervisor: random bytes, so no other build has them.
ch=$work/host/cloud-hypervisor
head -c 65536 /dev/urandom > "$ch"
sha() { sha256sum < "$1" | cut -c1-64; }
ch1=$(sha "$ch"); cp "$ch" "$work/host/v1"
SIGN=(-c "mvirt.signing_key=$key" -c mvirt.signing_cert=db.crt)
CH=(-c "mvirt.cloud_hypervisor=$ch")

step "1. @mode/cache --upload-all-actions //uki:mvirt, signed"
t0=$(date +%s)
b build @mode/cache --upload-all-actions //uki:mvirt "${SIGN[@]}" "${CH[@]}" \
  -c "mvirt.cloud_hypervisor_sha256=$ch1" --console simple
echo "  built in $(($(date +%s) - t0)) s"
ran > "$work/ran1"
grep -P '\((uki|uki_sign)\)\t' "$work/ran1" | cut -f2,3 | sed 's/^/  /'
grep -P '\(uki_sign\)\tlocal\b' "$work/ran1" >/dev/null || fail "the signing action did not run locally"
# What buck2 says about the two actions, and what the cache says.
b log show 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    end = json.loads(line).get("Event", {}).get("data", {}).get("SpanEnd", {}).get("data", {})
    a = end.get("ActionExecution")
    if a and a["name"]["category"] in ("uki", "uki_sign"):
        cmd = a["commands"][-1]["details"]["command_kind"]["command"]
        digest = next(iter(cmd.values()))["action_digest"].replace(":", "/")
        print(a["name"]["category"], a.get("requires_local", False), a.get("allows_cache_upload", False), digest)
' > "$work/actions"
ac() { .venv/bin/bgd actioncache --remote "http://127.0.0.1:$port" --instance-name main get "$1" 2>&1 | head -1; }
while read -r category local upload digest; do
  printf '  %-8s local_only=%s allow_cache_upload=%s; the cache: %s\n' "$category" "$local" "$upload" "$(ac "$digest" | cut -c1-50)"
done < "$work/actions"
read -r _ local upload digest < <(grep '^uki_sign ' "$work/actions") || fail "no signing action in the log"
[ "$local/$upload" = True/False ] || fail "the signing action is not local_only without cache upload"
ac "$digest" | grep -q '^Miss' || fail "the cache holds a result of the signing action"
read -r _ _ _ digest < <(grep '^uki ' "$work/actions") || fail "no UKI action in the log"
ac "$digest" | grep -q '^Hit' || fail "control: the unsigned UKI's result is not in the cache"
signed=$(out @mode/cache //uki:mvirt "${SIGN[@]}" "${CH[@]}" -c "mvirt.cloud_hypervisor_sha256=$ch1")
sbverify --cert "$work/keys/db.crt" "$signed" > "$work/sbverify.log" 2>&1 || { cat "$work/sbverify.log"; fail "sbverify rejects the signed UKI"; }
echo "  sbverify --cert: $(grep -m1 'Signature verification' "$work/sbverify.log")"
echo "  the private key:"
search absent "$key" "$cas" || fail "the Secure Boot key reached the cache"
echo "  control, the certificate (an input of the same signing action):"
search present "$work/keys/db.crt" "$cas" || fail "the search does not see the signing action's inputs"

step "2. a host file stands in for cloud-hypervisor: its content is in the key"
initrd() { out @mode/cache //initramfs:initramfs "${CH[@]}" -c "mvirt.cloud_hypervisor_sha256=$1"; }
packed() { bsdtar -xOf "$1" usr/bin/cloud-hypervisor; }
i1=$(initrd "$ch1")
cmp -s <(packed "$i1") "$work/host/v1" || fail "the initramfs does not hold the host file"
sha "$i1" > "$work/i1.sha"
head -c 65536 /dev/urandom > "$ch"
ch2=$(sha "$ch")
i2=$(initrd "$ch2")
ran | cut -f2,3 | grep -e pinned_file -e '(initramfs)' | sed 's/^/  /'
[ "$(sha "$i2")" != "$(cat "$work/i1.sha")" ] || fail "the initramfs did not change with the file"
cmp -s <(packed "$i2") "$ch" || fail "the initramfs does not hold the changed file"
echo "  new bytes, new sha256: the initramfs changed and holds them"
# The old sha256 with changed bytes: the action runs (another path, so no
# earlier result applies) and mvirt-fetch refuses them.
cp "$ch" "$work/host/cloud-hypervisor.changed"
if b build @mode/cache //initramfs:initramfs -c "mvirt.cloud_hypervisor=$work/host/cloud-hypervisor.changed" \
  -c "mvirt.cloud_hypervisor_sha256=$ch1" --console simple > "$work/stale.log" 2>&1; then
  fail "bytes that do not match the given sha256 were packed"
fi
grep -q "sha256 mismatch" "$work/stale.log" || { tail -20 "$work/stale.log"; fail "the build failed, but not on the sha256"; }
grep -q "$ch2" "$work/stale.log" || fail "the refusal does not name the file's sha256"
echo "  changed bytes under the old sha256: refused (sha256 mismatch, both hashes named)"

step "3. the cache is down"
stop_cache
head -c 65536 /dev/urandom > "$ch"
CH+=(-c "mvirt.cloud_hypervisor_sha256=$(sha "$ch")")
t0=$(date +%s)
if b build @mode/cache //initramfs:initramfs "${CH[@]}" --console simple > "$work/down.log" 2>&1; then
  echo "  @mode/cache built without its cache (a newer buck2? update docs/remote.md)"
else
  grep -q 'stage: remote_action_cache' "$work/down.log" || { tail -20 "$work/down.log"; fail "@mode/cache failed, but not on the cache"; }
  echo "  @mode/cache: failed after $(($(date +%s) - t0)) s: $(grep -o -m1 'Connection refused' "$work/down.log" | head -1) (stage: remote_action_cache), as documented"
fi
b build @mode/cache --no-remote-cache //initramfs:initramfs "${CH[@]}" --console none 2>/dev/null \
  || fail "@mode/cache --no-remote-cache does not build without the cache"
ran | cut -f2,3 | sed 's/^/  /'
ran | cut -f2 | grep -q -e '(rustc' -e '(kernel_' && fail "--no-remote-cache rebuilt what the daemon had"
echo "  @mode/cache --no-remote-cache: built here; only the changed actions ran"
echo "tests/buck/secrets.sh: all checks passed in $(($(date +%s) - t_start)) s"
