#!/usr/bin/env python3
"""Pins one Rust release's components from the official dist.

Reads the channel manifest of RELEASE (https://static.rust-lang.org/dist/
channel-rust-RELEASE.toml) and writes one pin file per component into this
directory: rustc and cargo for the x86_64 glibc host, rust-std for x86_64 glibc,
x86_64 musl and aarch64 musl (the tools, the x86_64 image, the arm64 image).
Each pin is the component's .tar.xz URLs and its sha256 (the manifest's
`xz_url` and `xz_hash`, the pair rules_rust pins too), with its size (from
the dist's Content-Length: a shared CAS names a blob by sha256 and size).
Two URLs: the dated one of the manifest and the release's own path, both
kept by the dist for good. mvirt-fetch checks the file against the pin
wherever it came from; rust-toolchain.toml names the same release.

    toolchains/rust/pin.py 1.95.0           # write the pins
    toolchains/rust/pin.py 1.95.0 --check   # fail if the pins differ

Also: `--manifest FILE` reads a manifest already downloaded (the sizes are
still asked of the dist, with HEAD requests).
"""
import argparse, pathlib, sys, tomllib, urllib.request

HERE = pathlib.Path(__file__).resolve().parent
COMPONENTS = [
    ("rustc", "x86_64-unknown-linux-gnu"),
    ("cargo", "x86_64-unknown-linux-gnu"),
    ("rust-std", "x86_64-unknown-linux-gnu"),
    ("rust-std", "x86_64-unknown-linux-musl"),
    ("rust-std", "aarch64-unknown-linux-musl"),
]


def pin_text(release, date, pkg, target, url, sha256, size):
    mirror = "https://static.rust-lang.org/dist/" + url.rsplit("/", 1)[1]
    return (
        f"# {pkg} {release} for {target}, from the official Rust dist ({date}).\n"
        f"# Written by toolchains/rust/pin.py from the channel manifest; do not edit.\n"
        f'name = "{pkg}-{target}"\n'
        f'version = "{release}"\n'
        f'url = "{url}"\n'
        f'urls = ["{mirror}"]\n'
        f'sha256 = "{sha256}"\n'
        f"size = {size}\n"
        f'repin = "toolchains/rust/pin.py {release}"\n'
    )


def content_length(url):
    """The size the dist gives for `url` (a HEAD request)."""
    request = urllib.request.Request(url, method="HEAD")
    with urllib.request.urlopen(request, timeout=60) as response:
        length = response.headers.get("Content-Length")
    if not length or not length.isdigit():
        sys.exit(f"pin.py: {url}: no Content-Length, so no size to pin")
    return int(length)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("release", help="a stable release, e.g. 1.95.0")
    ap.add_argument("--manifest", help="a channel manifest already downloaded")
    ap.add_argument("--check", action="store_true", help="compare with the pins here; write nothing")
    args = ap.parse_args()
    if args.manifest:
        raw = pathlib.Path(args.manifest).read_bytes()
    else:
        url = f"https://static.rust-lang.org/dist/channel-rust-{args.release}.toml"
        print(f"pin.py: reading {url}", file=sys.stderr)
        raw = urllib.request.urlopen(url, timeout=60).read()
    manifest = tomllib.loads(raw.decode())
    found = manifest["pkg"]["rustc"]["version"].split()[0]
    if found != args.release:
        sys.exit(f"pin.py: the manifest is for {found}, not {args.release}")
    stale = []
    for pkg, target in COMPONENTS:
        t = manifest["pkg"][pkg]["target"].get(target)
        if not t or not t.get("available"):
            sys.exit(f"pin.py: {pkg} for {target} is not in the {args.release} dist")
        size = content_length(t["xz_url"])
        text = pin_text(args.release, manifest["date"], pkg, target, t["xz_url"], t["xz_hash"], size)
        path = HERE / f"{pkg}-{target}.toml"
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(path.name)
        else:
            path.write_text(text)
            print(f"pin.py: {path.name}: {t['xz_hash']}", file=sys.stderr)
    if stale:
        sys.exit(f"pin.py: out of date: {', '.join(stale)}; run toolchains/rust/pin.py {args.release}")


if __name__ == "__main__":
    main()
