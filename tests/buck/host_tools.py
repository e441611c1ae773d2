#!/usr/bin/env python3
"""Which actions of a buck2 build ran the machine's C toolchain (issue #24).

Usage: host_tools.py CALLS WHAT_RAN

CALLS: one line per call of the machine's gcc, cc, g++ or ar, as
tests/buck/check.sh's logging shims wrote them ("gcc ARGS..."). WHAT_RAN:
`buck2 log what-ran --format json` of the same build.

Only stage 0 may use them (toolchains/cxx.bzl): a call passes when one of
its arguments is a path in a stage 0 configuration's output directory
(buck-out/<isolation>/art/<cell>/<configuration hash>[-<hash>]/..., the hash of a
`…stage0#<hash>` configuration in WHAT_RAN). Controls, each a failure when
missing: stage 0 ran, it did call the machine's toolchain, and glibc links
of the :exec configuration (build tools, scripts, macros) ran too, with
the pinned gcc.
"""

import re
import sys


def main(calls_path: str, ran_path: str) -> int:
    with open(calls_path, encoding="utf-8", errors="replace") as f:
        calls = [line.rstrip("\n") for line in f if line.strip()]
    with open(ran_path, encoding="utf-8") as f:
        ran = f.read()
    stage0 = set(re.findall(r"stage0#([0-9a-f]{16})", ran))
    links = len(re.findall(r"toolchains//:exec#[0-9a-f]{16}\) \(rustc link", ran))
    # A directory named by the hash, or by "<target hash>-<exec hash>".
    marks = [re.compile(rf"[/-]{h}[/-]") for h in stage0]
    outside = [c for c in calls if not any(m.search(c) for m in marks)]
    print(
        f"the machine's gcc/cc/g++/ar: {len(calls)} calls, "
        f"{len(calls) - len(outside)} of them for stage 0 "
        f"({len(stage0)} configurations); {links} links of :exec glibc binaries "
        "by the pinned gcc"
    )
    missing = [
        what
        for what, seen in [
            ("stage 0 action", stage0),
            ("call of the machine's toolchain", calls),
            ("glibc link of the :exec configuration", links),
        ]
        if not seen
    ]
    if missing:
        print("the control is missing: no " + ", no ".join(missing), file=sys.stderr)
        return 1
    if outside:
        print(f"{len(outside)} calls outside stage 0, e.g.:", file=sys.stderr)
        for call in outside[:5]:
            print("  " + call[:400], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
