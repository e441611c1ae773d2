"""The C toolchain of the glibc build tools: the pinned kernel toolchain's gcc.

The build tools (tools/*), their build scripts and proc macros are glibc
binaries, and zstd's C code is compiled into two of them. Both the compile
and the link run the gcc 12 and binutils of the kernel tool directory
(toolchains/kernel.bzl), with its glibc as `--sysroot`: the same compiler,
linker and libc make uses through target/host-tools/cc (Makefile). The tool
directory is an input of every such action, so its digest is in their keys,
as the pinned rustc's is: a shared cache never hands out a tool that another
machine's gcc linked.

Each tool runs through a small sh wrapper that this rule writes: it takes
the tool directory as its first argument (a path relative to the action's
working directory, made absolute), puts the directory's bin/ alone on PATH
and its lib/ on LD_LIBRARY_PATH (as the kernel's make has them), and runs
the tool. What the machine still gives: /bin/sh to run the wrapper, and the
glibc loader the pinned gcc runs on (docs/toolchains.md, "What still comes
from the host").

Stage 0 (mvirt-unpack, which unpacks this very directory) is linked by the
machine's gcc: toolchains/BUCK selects `:cxx-gcc` for it.
"""

load("@prelude//cxx:cxx_toolchain_types.bzl", "LinkerType")
load("@prelude//toolchains:cxx.bzl", "CxxToolsInfo")

def _wrapper(ctx: AnalysisContext, name: str, run: str, args: str = "") -> Artifact:
    return ctx.actions.write(
        name,
        [
            "#!/bin/sh",
            "# The pinned kernel toolchain's {} (toolchains/cxx.bzl). $1: its tool directory.".format(name),
            "d=$(cd \"$1\" && pwd) || exit 1",
            "shift",
            "PATH=$d/bin; export PATH",
            "LD_LIBRARY_PATH=$d/lib; export LD_LIBRARY_PATH",
            "exec \"$d/bin/{}\" {}\"$@\"".format(run, args),
        ],
        is_executable = True,
    )

def pinned_tool(ctx: AnalysisContext, tools: Artifact, name: str, run: str, sysroot: bool = False) -> RunInfo:
    """`run` of the tool directory `tools`, through a wrapper named `name`;
    with `sysroot`, given the directory's glibc as --sysroot (which also
    keeps the machine's /usr/include out of a compile)."""
    args = "--sysroot=\"$d/root\" " if sysroot else ""
    return RunInfo(args = cmd_args(_wrapper(ctx, name, run, args), tools))

def _pinned_gcc_tools_impl(ctx: AnalysisContext) -> list[Provider]:
    tools = ctx.attrs.tools[DefaultInfo].default_outputs[0]
    cc = pinned_tool(ctx, tools, "cc", "gcc", sysroot = True)
    ar = pinned_tool(ctx, tools, "ar", "ar")
    return [
        DefaultInfo(),
        CxxToolsInfo(
            compiler = cc,
            compiler_type = "gcc",
            # The prelude compares this with "g++" to leave out -fuse-ld=lld,
            # so it stays a name. Nothing in the graph is C++: a C++ compile
            # would run the machine's g++ (docs/toolchains.md).
            cxx_compiler = "g++",
            asm_compiler = cc,
            asm_compiler_type = "gcc",
            archiver = ar,
            archiver_type = "gnu",
            linker = cc,
            linker_type = LinkerType("gnu"),
        ),
    ]

# gcc, as, ld and ar of the kernel tool directory, for glibc x86_64 targets.
pinned_gcc_tools = rule(
    impl = _pinned_gcc_tools_impl,
    attrs = {
        "tools": attrs.exec_dep(providers = [DefaultInfo]),
    },
)
