"""Kernel rules: pinned source → checked .config → bzImage.

One action per step, each calling one tool from tools/ (built by buck2):

    kernel_tarball  mvirt-kbuild tarball    the pinned tarball (local path or download)
    kernel_config   mvirt-kconfig generate  tinyconfig + fragment, olddefconfig, checked
    kernel_build    mvirt-kbuild build      bzImage, System.map, kernel.release

The config and build actions read only declared inputs: the tarball (checked
again against its pin), the pins, the fragment, the .config and the
compiler identity from toolchains//:kernel. They unpack into a scratch
directory that is one of their outputs, so they run the same locally and
on a remote worker.
"""

load("@toolchains//:kernel.bzl", "KernelToolchainInfo")

def _epoch() -> str:
    return read_root_config("mvirt", "source_date_epoch")

def _pin_args(ctx: AnalysisContext) -> cmd_args:
    return cmd_args(
        "--pins",
        ctx.attrs.pins,
        "--version-file",
        ctx.attrs.version,
    )

def _kernel_tarball_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output("linux.tar.xz")
    downloads = ctx.actions.declare_output("downloads", dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._kbuild[RunInfo],
            "tarball",
            _pin_args(ctx),
            "--downloads",
            downloads.as_output(),
            "--output",
            out.as_output(),
        ),
        category = "kernel_tarball",
        # It reads the pin's host path (Debian's linux-source) or the network.
        local_only = True,
    )
    return [DefaultInfo(default_output = out)]

kernel_tarball = rule(
    impl = _kernel_tarball_impl,
    attrs = {
        "pins": attrs.source(),
        "version": attrs.source(),
        "_kbuild": attrs.exec_dep(default = "//tools/kbuild:mvirt-kbuild", providers = [RunInfo]),
    },
)

def _kernel_config_impl(ctx: AnalysisContext) -> list[Provider]:
    toolchain = ctx.attrs._toolchain[KernelToolchainInfo]
    out = ctx.actions.declare_output(".config")
    scratch = ctx.actions.declare_output("scratch", dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._kconfig[RunInfo],
            "generate",
            _pin_args(ctx),
            "--tarball",
            ctx.attrs.tarball,
            "--fragment",
            ctx.attrs.fragment,
            "--arch",
            toolchain.arch,
            "--scratch",
            scratch.as_output(),
            "--output",
            out.as_output(),
            # Kconfig asks the compiler what it supports: the result depends
            # on it, so its identity is part of this action's key.
            hidden = [toolchain.compiler_id],
        ),
        category = "kernel_config",
    )
    return [DefaultInfo(default_output = out)]

# What both kernel actions take: the pinned source and the kernel toolchain.
_SOURCE_ATTRS = {
    "pins": attrs.source(),
    "tarball": attrs.source(),
    "version": attrs.source(),
    "_toolchain": attrs.toolchain_dep(default = "toolchains//:kernel", providers = [KernelToolchainInfo]),
}

kernel_config = rule(
    impl = _kernel_config_impl,
    attrs = _SOURCE_ATTRS | {
        "fragment": attrs.source(),
        "_kconfig": attrs.exec_dep(default = "//tools/kconfig:mvirt-kconfig", providers = [RunInfo]),
    },
)

def _kernel_build_impl(ctx: AnalysisContext) -> list[Provider]:
    toolchain = ctx.attrs._toolchain[KernelToolchainInfo]
    out = ctx.actions.declare_output("out", dir = True)
    scratch = ctx.actions.declare_output("scratch", dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._kbuild[RunInfo],
            "build",
            _pin_args(ctx),
            "--tarball",
            ctx.attrs.tarball,
            "--config",
            ctx.attrs.config,
            "--compiler-id",
            toolchain.compiler_id,
            "--cc",
            toolchain.cc,
            "--arch",
            toolchain.arch,
            "--epoch",
            _epoch(),
            "--scratch",
            scratch.as_output(),
            "--out-dir",
            out.as_output(),
        ),
        category = "kernel_build",
    )
    bzimage = out.project("bzImage")
    system_map = out.project("System.map")
    release = out.project("kernel.release")
    return [DefaultInfo(
        default_output = bzimage,
        sub_targets = {
            "System.map": [DefaultInfo(default_output = system_map)],
            "config": [DefaultInfo(default_output = ctx.attrs.config)],
            "release": [DefaultInfo(default_output = release)],
        },
    )]

kernel_build = rule(
    impl = _kernel_build_impl,
    attrs = _SOURCE_ATTRS | {
        "config": attrs.source(),
        "_kbuild": attrs.exec_dep(default = "//tools/kbuild:mvirt-kbuild", providers = [RunInfo]),
    },
)
