"""Independent check of a UKI's layout with pefile (not our parser).

usage: pefile_check.py UKI STUB LINUX OSREL CMDLINE UNAME INITRD
Prints one line per violated rule and exits 1, or prints "ok".
"""
import sys

import pefile

uki_path, stub_path, linux_path, osrel, cmdline, uname, initrd = sys.argv[1:8]
uki = pefile.PE(uki_path)
stub = pefile.PE(stub_path)
linux = pefile.PE(linux_path)
problems = []


def name(s):
    return s.Name.rstrip(b"\0").decode()


def align(v, a):
    return (v + a - 1) // a * a


sa = uki.OPTIONAL_HEADER.SectionAlignment
fa = uki.OPTIONAL_HEADER.FileAlignment
names = [name(s) for s in uki.sections]
stub_names = [name(s) for s in stub.sections]
want = stub_names + [".osrel", ".cmdline", ".uname", ".initrd", ".linux"]
if names != want:
    problems.append(f"section order {names}, want {want}")
if ".sbat" in stub_names and ".sbat" not in names:
    problems.append(".sbat of the stub was lost")

new = uki.sections[len(stub.sections):]
prev = uki.sections[len(stub.sections) - 1]
for s in new:
    expect_va = align(prev.VirtualAddress + prev.Misc_VirtualSize, sa)
    if s.VirtualAddress != expect_va:
        problems.append(f"{name(s)}: VA {s.VirtualAddress:#x}, want {expect_va:#x}")
    if s.PointerToRawData % fa or s.SizeOfRawData % fa:
        problems.append(f"{name(s)}: raw data not aligned to {fa:#x}")
    prev = s

files = {".osrel": osrel, ".cmdline": cmdline, ".uname": uname, ".initrd": initrd, ".linux": linux_path}
for s in new:
    data = open(files[name(s)], "rb").read()
    if name(s) in (".cmdline", ".uname"):
        data = data.rstrip()
    got = s.get_data()[: len(data)]
    if got != data:
        problems.append(f"{name(s)}: content differs from its input file")
    if name(s) != ".linux" and s.Misc_VirtualSize != len(data):
        problems.append(f"{name(s)}: VirtualSize {s.Misc_VirtualSize}, data {len(data)}")

lin = new[-1]
if lin.Misc_VirtualSize != max(linux.OPTIONAL_HEADER.SizeOfImage, len(open(linux_path, "rb").read())):
    problems.append(
        f".linux VirtualSize {lin.Misc_VirtualSize:#x} != kernel SizeOfImage {linux.OPTIONAL_HEADER.SizeOfImage:#x}"
    )
last = uki.sections[-1]
if uki.OPTIONAL_HEADER.SizeOfImage != align(last.VirtualAddress + last.Misc_VirtualSize, sa):
    problems.append(f"SizeOfImage {uki.OPTIONAL_HEADER.SizeOfImage:#x} wrong")
if uki.OPTIONAL_HEADER.CheckSum != uki.generate_checksum():
    problems.append(f"checksum {uki.OPTIONAL_HEADER.CheckSum:#x} != {uki.generate_checksum():#x}")
headers_end = uki.sections[-1].get_file_offset() + 40
if headers_end > uki.OPTIONAL_HEADER.SizeOfHeaders:
    problems.append("section headers exceed SizeOfHeaders")
if uki.FILE_HEADER.TimeDateStamp != stub.FILE_HEADER.TimeDateStamp:
    problems.append("TimeDateStamp changed")

print("\n".join(problems) if problems else "ok")
sys.exit(1 if problems else 0)
