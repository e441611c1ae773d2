#!/usr/bin/env python3
"""Prints a pin of a file from a Debian package, updated to what the archive has now.

Debian's pool drops superseded versions: when a pinned package moves on
(a security update of linux-source-6.12, of systemd-boot-efi), every source
of the old file may be gone and mvirt-fetch names this script. It takes the
package the pin names (`package`, e.g. `linux-source-6.12` or
`systemd-boot-efi:arm64`) as `apt-get download` gets it today (or a .deb you
give), finds the pinned file in it, and prints the pin with the new
`version`, `sha256` and `size`, every other line kept:

    tools/fetch/repin-deb.py kernel/linux.toml            # print the new pin
    tools/fetch/repin-deb.py kernel/linux.toml --write    # rewrite it in place
    tools/fetch/repin-deb.py uki/efi-stub.toml --deb systemd-boot-efi_252.40-1_amd64.deb

The file in the package is the pin's `path` when the package installs it
there, else the one member whose name is the pin's `name` (the arm64 stub,
which ./bootstrap unpacks elsewhere). `version` keeps the pin's style: a
Debian version (`252.39-1~deb12u2`) stays one; an upstream version
(`6.12.118`) gets the new upstream version. Run `apt-get update` first; then
review the diff, rebuild and commit.
"""
import argparse, hashlib, os, pathlib, re, subprocess, sys, tarfile, tempfile, tomllib


def die(message):
    sys.exit(f"repin-deb: {message}")


def download(package, into):
    """`apt-get download PACKAGE` into a directory; the .deb's path."""
    result = subprocess.run(["apt-get", "download", "-q", "--", package], cwd=into,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        die(f"apt-get download {package} failed (run apt-get update first?):\n{result.stderr.strip()}")
    debs = sorted(pathlib.Path(into).glob("*.deb"))
    if len(debs) != 1:
        die(f"apt-get download {package} gave {len(debs)} .deb files")
    return debs[0]


def deb_version(deb):
    result = subprocess.run(["dpkg-deb", "--field", str(deb), "Version"],
                            capture_output=True, text=True)
    version = result.stdout.strip()
    if result.returncode != 0 or not re.fullmatch(r"[0-9A-Za-z.+~:-]{1,100}", version):
        die(f"{deb}: not a Debian package with a version ({result.stderr.strip()})")
    return version


def member_digest(deb, pin):
    """sha256 and size of the pinned file in the .deb's data, streamed."""
    wanted_path = str(pin.get("path", "")).lstrip("/")
    proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", str(deb)], stdout=subprocess.PIPE)
    found, by_name = None, []
    try:
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            for member in tar:
                name = member.name.removeprefix("./")
                if name == wanted_path or os.path.basename(name) == pin["name"]:
                    if not member.isfile():
                        die(f"{deb}: {member.name} is not a regular file")
                    digest, size = hashlib.sha256(), 0
                    stream = tar.extractfile(member)
                    while chunk := stream.read(1 << 20):
                        digest.update(chunk)
                        size += len(chunk)
                    entry = (name, digest.hexdigest(), size)
                    if name == wanted_path:
                        found = entry
                    else:
                        by_name.append(entry)
    finally:
        proc.stdout.close()
        proc.wait()
    if found:
        return found
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        die(f"{deb}: {len(by_name)} files named {pin['name']}: {', '.join(n for n, _, _ in by_name)}")
    die(f"{deb} holds neither {wanted_path} nor a file named {pin['name']}")


def new_version(old, debian):
    """The new version in the pin's style (see the module doc)."""
    if "-" in old or "~" in old or ":" in old:
        return debian
    upstream = debian.split(":", 1)[-1].rsplit("-", 1)[0]
    return upstream


def rewrite(text, version, sha256, size):
    """The pin's text with version, sha256 and size replaced (size added)."""
    fields = {"version": f'"{version}"', "sha256": f'"{sha256}"', "size": str(size)}
    lines, seen = [], set()
    for line in text.splitlines():
        key = line.split("=", 1)[0].strip()
        if key in fields and "=" in line and not line.lstrip().startswith("#"):
            line = f"{key} = {fields[key]}"
            seen.add(key)
        lines.append(line)
    if "size" not in seen:
        lines.append(f"size = {size}")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pin", type=pathlib.Path, help="a pin naming `package` and `path`")
    ap.add_argument("--deb", type=pathlib.Path, help="use this .deb instead of apt-get download")
    ap.add_argument("--write", action="store_true", help="rewrite the pin in place")
    args = ap.parse_args()
    text = args.pin.read_text()
    try:
        pin = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        die(f"{args.pin}: not a valid pin: {e}")
    if not pin.get("package") or not pin.get("path") or not pin.get("name"):
        die(f"{args.pin}: names no Debian package (`package` and `path`); re-pin it the way its comment says")
    with tempfile.TemporaryDirectory() as tmp:
        deb = args.deb or download(pin["package"], tmp)
        debian = deb_version(deb)
        member, sha256, size = member_digest(deb, pin)
    version = new_version(str(pin.get("version", "")), debian)
    updated = rewrite(text, version, sha256, size)
    print(f"repin-deb: {pin['package']} {debian}: {member}: {size} bytes, sha256 {sha256}", file=sys.stderr)
    if args.write:
        args.pin.write_text(updated)
    else:
        sys.stdout.write(updated)


if __name__ == "__main__":
    main()
