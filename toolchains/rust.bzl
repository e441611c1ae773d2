"""The Rust toolchain as a pinned input, and the stage 0 that unpacks it.

Every Rust action of the build runs the compiler of one Rust release,
unpacked from the official dist components that toolchains/rust/*.toml pin
by sha256 (the same components make unpacks into target/toolchain/):

    http_file (each pin)  ->  rust_sysroot (mvirt-unpack)  ->  pinned_rust_toolchain
                                                               (rustc, rustdoc, --sysroot:
                                                                artifacts, in every digest)

The static musl binaries of the image are linked by the dist's own
`rust-lld` (`rust_lld_tools`, the linker of toolchains//:cxx for musl)
with Rust's self-contained musl CRT and libc: no host C toolchain.

Unpacking needs a tool, and mvirt-unpack is Rust: it is built once by
**stage 0**, the `rustc` on PATH, accepted only when its `rustc -vV` is the
pinned release's word for word (toolchains/rust/stage0-rustc.txt; rustup's
`1.95.0` is the dist itself, byte for byte). Stage 0 builds mvirt-unpack and
its dependencies and nothing else (`stage0_tool`, a transition to the
`toolchains//:stage0` constraint, which selects the stage 0 toolchain and
the stage 0 execution platform, so that proc macros and build scripts follow).
"""

load("@prelude//cxx:cxx_toolchain_types.bzl", "LinkerType")
load("@prelude//rust:rust_toolchain.bzl", "PanicRuntime", "RustToolchainInfo")
load("@prelude//toolchains:cxx.bzl", "CxxToolsInfo")
load(":cxx.bzl", "pinned_tool")

# A Rust target configured for stage 0 runs only on the stage 0 execution
# platform (third-party/cargo.bzl, toolchains/crate.bzl).
STAGE0_EXEC_COMPATIBLE_WITH = select({
    "toolchains//:stage0": ["toolchains//:stage0"],
    "DEFAULT": [],
})

# --- the pinned dist -----------------------------------------------------------

def _rust_sysroot_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.label.name, dir = True)
    ctx.actions.run(
        cmd_args(
            ctx.attrs._unpack[RunInfo],
            # <component>-<version>-<triple>/<component>/{bin,lib}/...
            "--strip-components",
            "2",
            "--only",
            "bin",
            "--only",
            "lib",
            ctx.attrs.components,
            "--output",
            out.as_output(),
        ),
        category = "rust_sysroot",
    )
    return [DefaultInfo(default_output = out)]

# One sysroot from the dist components: rustc (with rust-lld) and each
# target's rust-std. A file two components hold is an error (mvirt-unpack).
rust_sysroot = rule(
    impl = _rust_sysroot_impl,
    attrs = {
        "components": attrs.list(attrs.source()),
        "_unpack": attrs.exec_dep(default = "toolchains//:mvirt-unpack-stage0", providers = [RunInfo]),
    },
)

def _in_sysroot(sysroot: Artifact, path: str) -> cmd_args:
    # The whole tree is an input: rustc loads its driver and std from it.
    return cmd_args(sysroot.project(path), hidden = sysroot)

def _common_fields(ctx: AnalysisContext) -> dict[str, typing.Any]:
    return dict(
        # Only buck2's [clippy] subtargets run it; lints run as `cargo clippy`
        # (the dist component is not pinned): the host's, when asked for.
        clippy_driver = RunInfo(args = ["clippy-driver"]),
        default_edition = ctx.attrs.default_edition,
        panic_runtime = PanicRuntime("unwind"),
        rustc_binary_flags = ctx.attrs.rustc_binary_flags,
        rustc_flags = ctx.attrs.rustc_flags,
        rustc_target_triple = ctx.attrs.rustc_target_triple,
        rustc_test_flags = ctx.attrs.rustc_test_flags,
    )

def _pinned_rust_toolchain_impl(ctx: AnalysisContext) -> list[Provider]:
    sysroot = ctx.attrs.sysroot[DefaultInfo].default_outputs[0]
    return [
        DefaultInfo(default_output = sysroot),
        RustToolchainInfo(
            compiler = RunInfo(args = _in_sysroot(sysroot, "bin/rustc")),
            rustdoc = RunInfo(args = _in_sysroot(sysroot, "bin/rustdoc")),
            sysroot_path = sysroot,
            **_common_fields(ctx)
        ),
    ]

_FLAGS = {
    "default_edition": attrs.option(attrs.string(), default = None),
    "rustc_binary_flags": attrs.list(attrs.arg(), default = []),
    "rustc_flags": attrs.list(attrs.arg(), default = []),
    "rustc_target_triple": attrs.string(),
    "rustc_test_flags": attrs.list(attrs.arg(), default = []),
}

# The Rust toolchain of every target but stage 0's: compiler, rustdoc and
# sysroot are one artifact, so their bytes are part of each action's key.
pinned_rust_toolchain = rule(
    impl = _pinned_rust_toolchain_impl,
    attrs = _FLAGS | {"sysroot": attrs.exec_dep(providers = [DefaultInfo])},
    is_toolchain_rule = True,
)

def _rust_lld_tools_impl(ctx: AnalysisContext) -> list[Provider]:
    sysroot = ctx.attrs.sysroot[DefaultInfo].default_outputs[0]
    rust_lld = _in_sysroot(sysroot, "lib/rustlib/{}/bin/rust-lld".format(ctx.attrs.host_triple))
    tools = ctx.attrs.c_tools[DefaultInfo].default_outputs[0]
    prefix = ctx.attrs.c_prefix
    # The image's only C is ring's (run by its build script, freestanding:
    # third-party/fixups/ring): the pinned kernel toolchain's gcc for the
    # architecture, as make's target/host-tools/cc and aarch64-cc.
    cc = pinned_tool(ctx, tools, "cc", prefix + "gcc", sysroot = True)
    return [
        DefaultInfo(),
        CxxToolsInfo(
            compiler = cc,
            compiler_type = "gcc",
            # "g++" keeps the prelude from adding -fuse-ld=lld, a cc flag.
            cxx_compiler = "g++",
            asm_compiler = cc,
            asm_compiler_type = "gcc",
            archiver = pinned_tool(ctx, tools, "ar", prefix + "ar"),
            archiver_type = "gnu",
            # rustc, told -Clinker-flavor=ld.lld, runs it as `rust-lld -flavor gnu ...`.
            linker = RunInfo(args = rust_lld),
            linker_type = LinkerType("gnu"),
        ),
    ]

# The linker of the static musl binaries: the pinned dist's rust-lld.
rust_lld_tools = rule(
    impl = _rust_lld_tools_impl,
    attrs = {
        # gcc's and binutils' prefix in the tool directory: "" or "aarch64-linux-gnu-".
        "c_prefix": attrs.string(),
        "c_tools": attrs.exec_dep(providers = [DefaultInfo]),
        "host_triple": attrs.string(default = "x86_64-unknown-linux-gnu"),
        "sysroot": attrs.dep(providers = [DefaultInfo]),
    },
)

# --- stage 0 -------------------------------------------------------------------

def _stage0_rust_toolchain_impl(ctx: AnalysisContext) -> list[Provider]:
    expected = ctx.attrs.version_verbose
    script = ctx.actions.write(
        "stage0-rustc",
        cmd_args(
            "#!/bin/sh",
            "# Stage 0 of the pinned Rust toolchain (toolchains/rust.bzl): the rustc on",
            "# PATH, only when it is the pinned release, byte for byte what the dist holds.",
            "# $1: the pinned release's `rustc -vV`; then rustc's arguments.",
            "export RUSTUP_TOOLCHAIN=" + ctx.attrs.release,
            "expected=\"$(cat \"$1\")\" && shift || exit 1",
            "actual=\"$(rustc -vV 2>&1)\"",
            "if [ \"$actual\" != \"$expected\" ]; then",
            "  printf 'stage 0 needs rustc %s, exactly (rustc -vV):\\n%s\\nbut the rustc on PATH says:\\n%s\\n' \\",
            "    {} \"$expected\" \"$actual\" >&2".format(ctx.attrs.release),
            "  echo 'Install it: rustup toolchain install {} (docs/toolchains.md, \"Stage 0\").' >&2".format(ctx.attrs.release),
            "  exit 1",
            "fi",
            "exec rustc \"$@\"",
            delimiter = "\n",
        ),
        is_executable = True,
    )
    return [
        DefaultInfo(),
        RustToolchainInfo(
            compiler = RunInfo(args = cmd_args(script, expected)),
            # Only [doc] subtargets would run it; stage 0 builds one binary.
            rustdoc = RunInfo(args = ["rustdoc"]),
            **_common_fields(ctx)
        ),
    ]

# The rustc on PATH, checked: it builds mvirt-unpack for rust_sysroot.
stage0_rust_toolchain = rule(
    impl = _stage0_rust_toolchain_impl,
    attrs = _FLAGS | {
        "release": attrs.string(),
        # The pinned release's `rustc -vV`, the file.
        "version_verbose": attrs.source(),
    },
    is_toolchain_rule = True,
)

def _stage0_transition_impl(platform: PlatformInfo, refs: struct) -> PlatformInfo:
    constraints = dict(platform.configuration.constraints)
    stage0 = refs.stage0[ConstraintValueInfo]
    constraints[stage0.setting.label] = stage0
    return PlatformInfo(
        label = platform.label if platform.label.endswith("-stage0") else platform.label + "-stage0",
        configuration = ConfigurationInfo(constraints = constraints, values = platform.configuration.values),
    )

_stage0_transition = transition(
    impl = _stage0_transition_impl,
    refs = {"stage0": "toolchains//:stage0"},
)

def _stage0_tool_impl(ctx: AnalysisContext) -> list[Provider]:
    actual = ctx.attrs.actual
    return [actual[DefaultInfo], actual[RunInfo]]

# `actual`, built by stage 0.
stage0_tool = rule(
    impl = _stage0_tool_impl,
    attrs = {"actual": attrs.transition_dep(cfg = _stage0_transition, providers = [RunInfo])},
)
