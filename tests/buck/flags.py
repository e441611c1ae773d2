#!/usr/bin/env python3
"""make and buck2 call each tool with the same flags (issue #18).

Usage: flags.py MAKE_DRY_RUN BUCK_COMMANDS_JSON

MAKE_DRY_RUN is the output of `make -n -B` (the commands make would run);
BUCK_COMMANDS_JSON a JSON list of argv lists, the commands of buck2's
actions (tests/buck/check.sh takes them from `buck2 log what-ran` of a
clean build). tests/buck/check.sh compares each architecture: `make -n -B`
with buck2's default (x86_64) build, and `make -n -B ARCH=arm64` with its
`--target-platforms toolchains//:arm64` build.

For every tool step both front ends run, the calls must agree modulo
paths: the same subcommand, the same flags, the same non-path values (arch,
compiler, epoch, modes). A path is any value with a `/` in it (`name=path`
keeps its name), or a file or directory that exists. A path of a file in
the repository's sources (a pin, a fragment, the command line, the spec) is
compared as it is, since those are what differ between the architectures
(kernel/arm64.config, uki/cmdline-arm64.txt, uki/efi-stub-arm64.toml);
every other path (outputs, scratch, buck-out) stands for any path. Where
the two differ by design, the difference is listed below with its reason,
and nothing else may differ.
"""

import collections
import json
import os
import shlex
import sys

TOOLS = ("mvirt-fetch", "mvirt-kconfig", "mvirt-kbuild", "mvirt-cpio", "mvirt-uki")

# (tool, subcommand): the reason the step is not compared.
NOT_COMPARED = {}

# Pins only make fetches, and why (the prefix of the pin file's path).
MAKE_ONLY_PINS = {
    # Both build with the pinned Rust dist (docs/toolchains.md); make fetches it
    # with mvirt-fetch, buck2 with http_file (mvirt-fetch is Rust: built by
    # the toolchain these pins make).
    "toolchains/rust/": "the pinned Rust dist: buck2 downloads it with http_file",
    "toolchains/kernel/deb/": "the pinned kernel toolchain: buck2 downloads it with http_file",
}


def make_only(argv):
    """A make call buck2 has no counterpart of (MAKE_ONLY_PINS)."""
    pins = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--pin"]
    return any(p.startswith(prefix) for p in pins for prefix in MAKE_ONLY_PINS)


# (tool, subcommand, flag): why only one front end passes it.
ONE_SIDED = {
    # A Buck2 validation reads its verdict from a file; make reads the exit status.
    ("mvirt-uki", "verify", "--report"): "buck2's ValidationInfo verdict file",
    # make keeps the unpacked tree between its steps and builds (keyed by the
    # tarball's sha256); a hermetic buck2 action unpacks into its own scratch.
    ("mvirt-kconfig", "generate", "--source-cache"): "make's kept source tree",
    ("mvirt-kbuild", "build", "--source-cache"): "make's kept source tree",
    # make runs the kernel steps in a bubblewrap sandbox where bwrap is
    # installed (SANDBOX=auto); a buck2 action is confined by its declared
    # inputs (the pinned tool directory), and a remote worker need not have
    # bubblewrap. tests/buck/check.sh's identical sections show that the
    # sandbox changes nothing but what the build could reach.
    ("mvirt-kconfig", "generate", "--sandbox"): "make's bubblewrap sandbox",
    ("mvirt-kbuild", "build", "--sandbox"): "make's bubblewrap sandbox",
}


# (tool, subcommand, flag): where make names a built file and buck2 a source
# file (or the other way round), so the path stands for any path.
BUILT_VS_SOURCE = {
    # export_file copies uki/os-release into buck-out; make reads it in place.
    ("mvirt-cpio", "build", "--input"): "buck2's export_file copy of uki/os-release",
}

# Flags whose repetitions are applied in order: the common Kconfig fragment
# first, then the architecture's.
ORDERED = {"--fragment"}

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def is_path(value):
    return "/" in value or os.path.exists(value)


def is_source(value):
    """A file of the repository's sources, named relative to its root."""
    if os.path.isabs(value) or value.split("/", 1)[0] in ("target", "buck-out", ".."):
        return False
    return os.path.isfile(os.path.join(ROOT, value))


def normalize(value, sources=True):
    if "=" in value and is_path(value.split("=", 1)[1]):
        name, path = value.split("=", 1)
        return name + "=" + normalize(path, sources)
    if not is_path(value):
        return value
    return value if sources and is_source(value) else "<path>"


def step(argv):
    """(tool, subcommand, sorted flags) of one call, or None for other programs."""
    # buck2 names a Rust binary after its crate (mvirt_kbuild), cargo after
    # its package (mvirt-kbuild).
    tool = os.path.basename(argv[0]).replace("_", "-")
    if tool not in TOOLS:
        return None
    rest = argv[1:]
    sub = rest.pop(0) if rest and not rest[0].startswith("-") and tool != "mvirt-fetch" else ""
    flags = []
    i = 0
    value = lambda flag, v: normalize(v, (tool, sub, flag) not in BUILT_VS_SOURCE)
    while i < len(rest):
        arg = rest[i]
        if arg.startswith("--") and "=" in arg:
            name, v = arg.split("=", 1)
            flags.append((name, value(name, v)))
        elif arg.startswith("-") and i + 1 < len(rest) and not rest[i + 1].startswith("-"):
            flags.append((arg, value(arg, rest[i + 1])))
            i += 1
        elif arg.startswith("-"):
            flags.append((arg, None))
        else:
            flags.append(("<arg>", normalize(arg)))
        i += 1
    flags = [f for f in flags if (tool, sub, f[0]) not in ONE_SIDED]
    # Flags in any order, a repeated flag's values too, but for those whose
    # order counts (ORDERED).
    order = lambda i, f: (f[0], i if f[0] in ORDERED else 0, f[1] or "")
    return tool, sub, tuple(f for _, f in sorted(enumerate(flags), key=lambda e: order(*e)))


def make_commands(text):
    """The tool calls in `make -n` output (continuation lines joined)."""
    joined = text.replace("\\\n", " ")
    calls = []
    for line in joined.splitlines():
        line = line.strip()
        # make's recipe may end in `|| { hint; exit 1; }`: only the call counts.
        line = line.split("||")[0]
        try:
            argv = shlex.split(line)
        except ValueError:
            continue
        if argv:
            calls.append(argv)
    return calls


def steps(calls):
    found = collections.Counter()
    for argv in calls:
        s = step(argv)
        if s and (s[0], s[1]) not in NOT_COMPARED:
            found[s] += 1
    return found


def show(s):
    tool, sub, flags = s
    args = " ".join(f if v is None else f"{f} {v}" for f, v in flags)
    return f"{tool} {sub} {args}".replace("  ", " ")


def main():
    with open(sys.argv[1]) as f:
        made = steps([c for c in make_commands(f.read()) if not make_only(c)])
    with open(sys.argv[2]) as f:
        bucked = steps(json.load(f))
    kinds = lambda c: {(t, s) for t, s, _ in c}
    both = kinds(made) & kinds(bucked)
    if not both:
        sys.exit("flags.py: no tool step in common: the inputs hold no tool calls")
    failed = False
    for kind in sorted(both):
        m = {s for s in made if s[:2] == kind}
        b = {s for s in bucked if s[:2] == kind}
        if m == b:
            for s in sorted(m):
                print(f"  same: {show(s)}")
            continue
        failed = True
        print(f"  DIFFERENT: {kind[0]} {kind[1]}")
        for s in sorted(m - b):
            print(f"    make only:  {show(s)}")
        for s in sorted(b - m):
            print(f"    buck2 only: {show(s)}")
    for kind in sorted(kinds(made) ^ kinds(bucked)):
        side = "make" if kind in kinds(made) else "buck2"
        print(f"  only {side} runs {kind[0]} {kind[1]}")
        failed = True
    for (tool, sub), why in NOT_COMPARED.items():
        print(f"  not compared: {tool} {sub} ({why})")
    for (tool, sub, flag), why in ONE_SIDED.items():
        print(f"  one-sided: {tool} {sub} {flag} ({why})")
    for prefix, why in MAKE_ONLY_PINS.items():
        print(f"  make only: mvirt-fetch --pin {prefix}* ({why})")
    for (tool, sub, flag), why in BUILT_VS_SOURCE.items():
        print(f"  any path: {tool} {sub} {flag} ({why})")
    if failed:
        sys.exit("flags.py: make and buck2 call the tools differently (above)")
    print(f"flags.py: {len(both)} tool steps, the same flags under make and buck2")


if __name__ == "__main__":
    main()
