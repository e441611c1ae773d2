"""Kernel rules: the pinned tarball → checked .config → kernel image.

One action per step, each calling one tool from tools/ (built by buck2) with
the flags the Makefile passes (tests/buck/flags.py compares them):

    kernel_config   mvirt-kconfig generate  tinyconfig + fragments, olddefconfig, checked
    kernel_build    mvirt-kbuild build      bzImage/Image, System.map, kernel.release

The tarball is a `pinned` file (tools/fetch/fetch.bzl), checked against
kernel/linux.toml before these actions see it. Both actions read only
declared inputs: the tarball, the fragments or .config, and the pinned
kernel tool directory from toolchains//:kernel (make's PATH is its bin/
alone; buck2 runs no sandbox of its own: the action's inputs are the
tools). They unpack into a scratch directory that is one of their outputs,
so they run the same locally and on a remote worker.

The architecture is the kernel toolchain's (toolchains//:kernel, selected
by the target platform's cpu): its arch, cross compiler and tools.
kernel/BUCK selects the architecture's fragment the same way.

`kernel_build` returns a `KernelInfo`: what a UKI or a boot test needs of a
kernel, as one value.
"""

load("@toolchains//:kernel.bzl", "KernelToolchainInfo")

KernelInfo = provider(fields = {
    "config": Artifact,  # the final .config it was built with
    "image": Artifact,  # the bootable image (bzImage on x86_64, Image on arm64)
    "release": Artifact,  # kernel.release: `uname -r` of this kernel
    "system_map": Artifact,
})

# The image mvirt-kbuild writes into --out-dir, by --arch (as
# kernel_source::kmake::image_name names it): x86's compressed bzImage; on
# arm64 the plain Image, itself a PE that the UKI's stub loads.
_IMAGE = {
    "arm64": "Image",
    "x86_64": "bzImage",
}

def _toolchain_args(ctx: AnalysisContext) -> cmd_args:
    toolchain = ctx.attrs._toolchain[KernelToolchainInfo]
    return cmd_args(
        "--tarball",
        ctx.attrs.tarball,
        "--arch",
        toolchain.arch,
        "--cc",
        toolchain.cc,
        "--tools",
        toolchain.tools,
    )

def _kernel_config_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(".config")
    scratch = ctx.actions.declare_output("scratch", dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._kconfig[RunInfo],
            "generate",
            _toolchain_args(ctx),
            # In order: the common fragment first, then the architecture's.
            [cmd_args("--fragment", f) for f in ctx.attrs.fragments],
            "--scratch",
            scratch.as_output(),
            "--output",
            out.as_output(),
        ),
        category = "kernel_config",
    )
    return [DefaultInfo(default_output = out)]

# What both kernel actions take: the pinned source and the kernel toolchain.
_SOURCE_ATTRS = {
    "tarball": attrs.source(),
    "_toolchain": attrs.toolchain_dep(default = "toolchains//:kernel", providers = [KernelToolchainInfo]),
}

kernel_config = rule(
    impl = _kernel_config_impl,
    attrs = _SOURCE_ATTRS | {
        "fragments": attrs.list(attrs.source()),
        "_kconfig": attrs.exec_dep(default = "//tools/kconfig:mvirt-kconfig", providers = [RunInfo]),
    },
)

def _kernel_build_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output("out", dir = True)
    scratch = ctx.actions.declare_output("scratch", dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._kbuild[RunInfo],
            "build",
            _toolchain_args(ctx),
            "--config",
            ctx.attrs.config,
            "--epoch",
            read_root_config("mvirt", "source_date_epoch"),
            "--scratch",
            scratch.as_output(),
            "--out-dir",
            out.as_output(),
        ),
        category = "kernel_build",
    )
    arch = ctx.attrs._toolchain[KernelToolchainInfo].arch
    if arch not in _IMAGE:
        fail("{}: no kernel image name for arch {} (known: {})".format(ctx.label.raw_target(), repr(arch), sorted(_IMAGE.keys())))
    kernel = KernelInfo(
        config = ctx.attrs.config,
        image = out.project(_IMAGE[arch]),
        release = out.project("kernel.release"),
        system_map = out.project("System.map"),
    )

    # The sub-targets name the same files for `$(location …)` (test
    # environments) and the command line.
    return [
        DefaultInfo(
            default_output = kernel.image,
            sub_targets = {
                "System.map": [DefaultInfo(default_output = kernel.system_map)],
                "config": [DefaultInfo(default_output = kernel.config)],
                "release": [DefaultInfo(default_output = kernel.release)],
            },
        ),
        kernel,
    ]

kernel_build = rule(
    impl = _kernel_build_impl,
    attrs = _SOURCE_ATTRS | {
        "config": attrs.source(),
        "_kbuild": attrs.exec_dep(default = "//tools/kbuild:mvirt-kbuild", providers = [RunInfo]),
    },
)
