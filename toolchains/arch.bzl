"""The cpus mvirt-os builds an image for, and a `select` over them.

`by_cpu({"x86_64": a, "arm64": b})` is `a` on an x86_64 platform and `b` on
an arm64 one. Both keys are required and there is no DEFAULT: a platform of
another cpu (or none) fails with buck2's "none of the conditions matched"
error instead of quietly getting x86_64's value. The keys are mvirt-os's
architecture names, the ones make's ARCH and mvirt-kbuild's --arch take.
"""

CPUS = {
    "arm64": "prelude//cpu/constraints:arm64",
    "x86_64": "prelude//cpu/constraints:x86_64",
}

def by_cpu(values: dict[str, typing.Any]):
    if sorted(values.keys()) != sorted(CPUS.keys()):
        fail("by_cpu: give a value for each of {}, got {}".format(sorted(CPUS.keys()), sorted(values.keys())))
    return select({CPUS[arch]: value for arch, value in values.items()})
