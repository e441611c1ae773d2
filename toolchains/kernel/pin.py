#!/usr/bin/env python3
"""Pins the kernel toolchain: Debian 12 packages, one pin per .deb.

The kernel of both architectures is built with one pinned set of Debian
packages, unpacked (mvirt-unpack) into one tree, never with what the host
has installed (docs/toolchains.md):

  compiler   gcc 12 and binutils for x86_64, the aarch64 cross gcc 12 and
             binutils: the same Debian builds as ./bootstrap installed so far,
             so the kernel's bytes stay what they were
  sysroot    glibc, its headers and the libraries the kernel's host programs
             (fixdep, kconfig, objtool…) link: libc6-dev, libelf-dev, …
  tools      make, dash, bash (make's own recipes), coreutils, sed, grep, mawk, findutils, diffutils, flex,
             bison + m4, perl, bc, xz, gzip
  libraries  what those binaries load besides glibc (libisl, libmpfr,
             libstdc++, libreadline…)

For each package the script asks apt for the candidate version's URL, size
and sha256 (`apt-get --print-uris download`, which takes them from the
signed archive index), downloads it to compute its SHA-1 (the key of
snapshot.debian.org's permanent by-hash URL) and writes
toolchains/kernel/deb/<package>.toml. mvirt-fetch checks every .deb
against its pin wherever it came from (path, download cache, the shared
CAS, each URL).

    toolchains/kernel/pin.py            # write the pins for today's archive
    toolchains/kernel/pin.py --check    # fail if they differ from it

Run `apt-get update` first. Needs Debian 12 (bookworm) amd64.
"""
import argparse, hashlib, os, pathlib, re, subprocess, sys, tempfile

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "deb"

PACKAGES = {
    "compiler": [
        "gcc-12", "cpp-12", "gcc-12-base", "libgcc-12-dev", "libcc1-0",
        "binutils", "binutils-x86-64-linux-gnu", "binutils-common", "libbinutils",
        "libctf0", "libctf-nobfd0", "libgprofng0", "libjansson4",
        "gcc-12-aarch64-linux-gnu", "libgcc-12-dev-arm64-cross", "cpp-12-aarch64-linux-gnu",
        "gcc-12-aarch64-linux-gnu-base", "binutils-aarch64-linux-gnu",
    ],
    "sysroot": [
        "libc6", "libc6-dev", "libc-dev-bin", "linux-libc-dev", "libcrypt1", "libcrypt-dev",
        "libgcc-s1", "libelf1", "libelf-dev", "zlib1g", "zlib1g-dev", "libzstd1", "libzstd-dev",
    ],
    "tools": [
        "make", "dash", "bash", "sed", "grep", "mawk", "findutils", "diffutils", "flex", "m4", "bison", "perl-base", "bc",
        "xz-utils", "liblzma5", "gzip", "coreutils",
    ],
    "libraries": [
        "libisl23", "libmpc3", "libmpfr6", "libgmp10", "libstdc++6",
        "libreadline8", "libtinfo6", "libacl1", "libattr1", "libselinux1", "libpcre2-8-0",
    ],
}

SNAPSHOT = "https://snapshot.debian.org/file/"


def candidate(package, workdir):
    """(url, filename, size, sha256) of the package's candidate .deb."""
    out = subprocess.run(
        ["apt-get", "--print-uris", "download", package],
        cwd=workdir, capture_output=True, text=True,
    )
    if out.returncode != 0:
        sys.exit(f"pin.py: apt-get download {package}: {out.stderr.strip()}")
    m = re.match(r"'([^']+)' (\S+) (\d+) SHA256:([0-9a-f]{64})$", out.stdout.strip())
    if not m:
        sys.exit(f"pin.py: apt-get --print-uris download {package} printed {out.stdout!r}")
    url, filename, size, sha256 = m.groups()
    return url.replace("http://deb.debian.org/", "https://deb.debian.org/", 1), filename, int(size), sha256


def sha1_of(url, filename, size, sha256, workdir):
    """The SHA-1 of the .deb (snapshot.debian.org's key), checked by sha256 first."""
    path = pathlib.Path(workdir) / filename
    if not path.exists():
        subprocess.run(["apt-get", "download", "-q", filename.split("_", 1)[0] + "=" +
                        version_of(filename)], cwd=workdir, check=True, capture_output=True)
    data = path.read_bytes()
    if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
        sys.exit(f"pin.py: {filename}: what apt downloaded is not what its index says")
    return hashlib.sha1(data).hexdigest()


def version_of(filename):
    """The version in a .deb's file name (epoch: %3a), as apt takes it."""
    return filename.split("_")[1].replace("%3a", ":")


def pin_text(group, package, url, filename, size, sha256, sha1):
    version = version_of(filename)
    return (
        f"# {package} {version} (Debian 12, amd64): the kernel toolchain's {group}.\n"
        f"# Written by toolchains/kernel/pin.py from the archive index; do not edit.\n"
        f'name = "{package}"\n'
        f'version = "{version}"\n'
        f'url = "{url}"\n'
        f'urls = ["{SNAPSHOT}{sha1}"]\n'
        f'sha256 = "{sha256}"\n'
        f"size = {size}\n"
        f'repin = "toolchains/kernel/pin.py"\n'
    )


def bzl_text(names):
    """toolchains/kernel/debs.bzl: every pin, loaded for toolchains/BUCK."""
    ident = lambda n: "deb_" + re.sub(r"[^A-Za-z0-9]", "_", n)
    lines = ['"""The kernel toolchain\'s package pins, for toolchains/BUCK.',
             "",
             "Written by toolchains/kernel/pin.py with the pins; do not edit.",
             '"""', ""]
    lines += [f'load("//kernel/deb:{n}.toml", {ident(n)} = "value")' for n in names]
    lines += ["", "KERNEL_DEB_PINS = {"]
    lines += [f'    "{n}": {ident(n)},' for n in names]
    lines += ["}", ""]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail if the pins differ from today's archive")
    args = ap.parse_args()
    wanted = {}
    with tempfile.TemporaryDirectory() as workdir:
        os.chmod(workdir, 0o755)  # apt's _apt user downloads into it
        for group, packages in PACKAGES.items():
            for package in packages:
                url, filename, size, sha256 = candidate(package, workdir)
                sha1 = sha1_of(url, filename, size, sha256, workdir)
                wanted[f"{package}.toml"] = pin_text(group, package, url, filename, size, sha256, sha1)
                print(f"{package:32} {version_of(filename):28} {size:>10} B", file=sys.stderr)
    have = {p.name: p.read_text() for p in OUT.glob("*.toml")} if OUT.is_dir() else {}
    bzl = bzl_text(sorted(n[:-len(".toml")] for n in wanted))
    bzl_path = HERE / "debs.bzl"
    if bzl_path.exists():
        have["../debs.bzl"] = bzl_path.read_text()
    wanted["../debs.bzl"] = bzl
    if args.check:
        differ = sorted(n for n in wanted.keys() | have.keys() if wanted.get(n) != have.get(n))
        if differ:
            sys.exit("pin.py: these pins differ from today's archive: " + ", ".join(differ))
        print("pin.py: the pins are today's archive's")
        return
    OUT.mkdir(exist_ok=True)
    for name in have.keys() - wanted.keys() - {"../debs.bzl"}:
        (OUT / name).unlink()
    for name, text in wanted.items():
        (OUT / name).write_text(text)
    print(f"pin.py: wrote {len(wanted) - 1} pins into {OUT} and {bzl_path}")


if __name__ == "__main__":
    main()
