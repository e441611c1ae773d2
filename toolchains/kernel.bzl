"""The kernel toolchain, pinned.

One set of Debian 12 packages builds the kernel of both architectures: gcc 12
and binutils, the aarch64 cross gcc 12 and binutils, glibc's development files
(the sysroot of the kernel's host programs), make, dash, coreutils, sed, grep,
mawk, findutils, diffutils, flex, bison + m4, perl, bc, xz, gzip and the
libraries they load. Each package is a pin (toolchains/kernel/deb/*.toml,
written by toolchains/kernel/pin.py; toolchains/kernel/debs.bzl loads them),
downloaded and checked by buck2 (`http_file`), and `kernel_tools` unpacks
them with mvirt-unpack into a hermetic tool directory: the packages in
root/, the tools toolchains/kernel/toolchain.toml declares in bin/, their
libraries in lib/ (docs/toolchains.md).

That directory is an input of both kernel actions, so its files are in their
keys: the toolchain's digest is its identity, and a shared cache never hands
out a kernel built by another compiler. The kernel's make runs with PATH =
its bin/ alone (kernel_source::kmake).
"""

KernelToolchainInfo = provider(fields = {
    "arch": str,
    "cc": str,
    "tools": Artifact,  # the hermetic tool directory
})

def _kernel_tools_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.label.name, dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._unpack[RunInfo],
            "--tools",
            ctx.attrs.spec,
            ctx.attrs.packages,
            "--output",
            out.as_output(),
        ),
        category = "kernel_tools",
    )
    return [DefaultInfo(default_output = out)]

kernel_tools = rule(
    impl = _kernel_tools_impl,
    attrs = {
        "packages": attrs.list(attrs.source()),
        "spec": attrs.source(),
        # Stage 0's: the pinned gcc that links the other build tools is in
        # this directory (toolchains/cxx.bzl).
        "_unpack": attrs.exec_dep(default = "toolchains//:mvirt-unpack-stage0", providers = [RunInfo]),
    },
)

def _kernel_toolchain_impl(ctx: AnalysisContext) -> list[Provider]:
    return [
        DefaultInfo(),
        KernelToolchainInfo(
            arch = ctx.attrs.arch,
            cc = ctx.attrs.cc,
            tools = ctx.attrs.tools[DefaultInfo].default_outputs[0],
        ),
    ]

kernel_toolchain = rule(
    impl = _kernel_toolchain_impl,
    attrs = {
        "arch": attrs.string(default = "x86_64"),
        "cc": attrs.string(default = "gcc"),
        "tools": attrs.exec_dep(),
    },
    is_toolchain_rule = True,
)
