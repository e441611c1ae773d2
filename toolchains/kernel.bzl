"""The kernel build environment, declared.

The kernel is compiled by the host's gcc, binutils and make. Which ones is a
declared input: `kernel-compiler.id` holds their identity (the output of
`mvirt-kbuild compiler-id`). The config and build actions take that file as
an input, so it is part of their cache keys, and mvirt-kbuild refuses to
build when the compiler on PATH differs from it. A shared or remote cache
therefore never serves a kernel built by another compiler, and a changed
compiler is a visible edit of this file:

    target/release/mvirt-kbuild compiler-id -o toolchains/kernel-compiler.id
"""

KernelToolchainInfo = provider(fields = {
    "arch": str,
    "cc": str,
    "compiler_id": Artifact,
})

def _kernel_toolchain_impl(ctx: AnalysisContext) -> list[Provider]:
    return [
        DefaultInfo(),
        KernelToolchainInfo(
            arch = ctx.attrs.arch,
            cc = ctx.attrs.cc,
            compiler_id = ctx.attrs.compiler_id,
        ),
    ]

kernel_toolchain = rule(
    impl = _kernel_toolchain_impl,
    attrs = {
        "arch": attrs.string(default = "x86_64"),
        "cc": attrs.string(default = "gcc"),
        "compiler_id": attrs.source(),
    },
    is_toolchain_rule = True,
)
