"""`image_transition`: a binary for the image is static musl of the image's cpu.

The initramfs takes pideins, mvirt and mvirt-vmm through
`attrs.transition_dep(cfg = image_transition)`. Whatever platform asks for
the initramfs, they are built for the musl platform of the same cpu:

    x86_64 (toolchains//:host, :musl)  ->  toolchains//:musl
    arm64  (toolchains//:arm64)        ->  toolchains//:arm64

The result is the named platform itself (its label and its constraints),
not a copy of the incoming one with the abi changed: a binary reached
through the transition is the same configured target as the binary built on
its own (`buck2 build //pideins:pideins`, whose default platform is
toolchains//:musl, or with `--target-platforms toolchains//:arm64`), so they
share outputs and cache entries. On x86_64 this is exactly the configuration
the earlier `configured_alias(platform = "toolchains//:musl")` gave.

A platform of any other cpu, or of none, is an error that names it.
"""

def _image_transition_impl(platform: PlatformInfo, refs: struct) -> PlatformInfo:
    cpu_setting = refs.cpu[ConstraintSettingInfo].label
    cpu = platform.configuration.constraints.get(cpu_setting)
    targets = {
        refs.arm64[ConstraintValueInfo].label: refs.arm64_musl,
        refs.x86_64[ConstraintValueInfo].label: refs.x86_64_musl,
    }
    target = targets.get(cpu.label) if cpu else None
    if not target:
        fail("image_transition: the image's binaries are built for x86_64 or arm64; platform {} has cpu {}".format(
            platform.label,
            cpu.label if cpu else "(none)",
        ))
    return target[PlatformInfo]

image_transition = transition(
    impl = _image_transition_impl,
    refs = {
        "arm64": "prelude//cpu/constraints:arm64",
        "arm64_musl": "toolchains//:arm64",
        "cpu": "prelude//cpu/constraints:cpu",
        "x86_64": "prelude//cpu/constraints:x86_64",
        "x86_64_musl": "toolchains//:musl",
    },
)
