#!/usr/bin/env bash
# Test: `reindeer buckify` reproduces the committed third-party/BUCK exactly
# (so nobody edits it by hand, and it matches Cargo.toml, Cargo.lock, the
# vendored tree and fixups/). Needs reindeer on PATH (see docs/buck2.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v reindeer >/dev/null; then
  echo "check-buckify: reindeer is not on PATH; install it (docs/buck2.md) to run this test" >&2
  exit 1
fi
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
reindeer buckify --stdout > "$generated"
if ! diff -u BUCK "$generated"; then
  echo "check-buckify: third-party/BUCK differs from what 'reindeer buckify' generates (diff above)." >&2
  echo "Run 'reindeer buckify' in third-party/ and commit the result." >&2
  exit 1
fi
echo "check-buckify: third-party/BUCK is what reindeer buckify generates"
