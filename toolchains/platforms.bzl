"""Execution platforms for mvirt-os.

One execution platform, Linux x86_64 glibc, and its stage 0 variant (the
host rustc that builds mvirt-unpack for the pinned Rust toolchain,
toolchains/rust.bzl). `[mvirt] execution` in the buckconfig picks how they
run actions (mode/remote and mode/cache set it):

    local   (default) every action on this machine
    remote  actions run on a Remote Execution API worker ([buck2_re_client]);
            actions marked local_only (fetching pinned host files) and
            stage 0's stay here (a worker has no host rustc), with the cache
    cache   every action runs here, and results are looked up in and uploaded
            to the remote action cache, so another checkout can reuse them

`[mvirt] re_properties` gives the platform properties the remote scheduler
matches workers on, as `key=value` pairs separated by spaces, e.g. the
pinned container image that holds the build tools
(`container-image=docker://…@sha256:…`).
"""

load("@prelude//cfg/exec_platform:marker.bzl", "get_exec_platform_marker")

def _re_properties() -> dict[str, str]:
    props = {}
    for pair in read_root_config("mvirt", "re_properties", "").split():
        key, _, value = pair.partition("=")
        props[key] = value
    return props

# Read and write the remote cache; actions that must run here (local_only)
# still share their results.
_CACHE = {"allow_cache_uploads": True, "remote_cache_enabled": True}

def _executor(stage0: bool) -> CommandExecutorConfig:
    mode = read_root_config("mvirt", "execution", "local")
    if mode == "local":
        return CommandExecutorConfig(local_enabled = True, remote_enabled = False)
    if mode == "remote":
        return CommandExecutorConfig(
            local_enabled = True,
            remote_enabled = True,
            remote_execution_properties = _re_properties(),
            remote_execution_use_case = "buck2-default",
            # Run everything remotely but what must run here (local_only);
            # plain hybrid would race local and remote execution.
            use_limited_hybrid = True,
            # Large inputs (the kernel tarball) go to the worker too.
            remote_execution_max_input_files_mebibytes = 2048,
            **_CACHE
        )
    if mode == "cache" or (mode == "remote" and stage0):
        # Stage 0 runs the host's rustc (toolchains/rust.bzl): here, never on
        # a worker, which has no compiler; its results are still shared.
        return CommandExecutorConfig(local_enabled = True, remote_enabled = False, **_CACHE)
    fail("[mvirt] execution = {}: use local, remote or cache".format(mode))

def _platform(label: TargetLabel, constraints: dict, stage0: bool) -> ExecutionPlatformInfo:
    return ExecutionPlatformInfo(
        label = label,
        configuration = ConfigurationInfo(constraints = constraints, values = {}),
        executor_config = _executor(stage0),
    )

def _execution_platforms_impl(ctx: AnalysisContext) -> list[Provider]:
    constraints = dict()
    for dep in ctx.attrs.constraint_values:
        constraints.update(dep[ConfigurationInfo].constraints)

    # The same machine, for stage 0 (toolchains/rust.bzl): its targets need
    # it (the stage 0 toolchain is exec_compatible_with :stage0), so their
    # proc macros and build scripts are configured with :stage0 too.
    stage0_constraints = dict(constraints)
    stage0_constraints.update(ctx.attrs.stage0[ConfigurationInfo].constraints)
    # Named by the constraint: an execution platform needs a label of its own.
    stage0_label = ctx.attrs.stage0.label.raw_target()
    return [
        DefaultInfo(),
        ExecutionPlatformRegistrationInfo(
            platforms = [
                _platform(ctx.label.raw_target(), constraints, stage0 = False),
                _platform(stage0_label, stage0_constraints, stage0 = True),
            ],
            exec_marker_constraint = get_exec_platform_marker(),
        ),
    ]

execution_platforms = rule(
    impl = _execution_platforms_impl,
    attrs = {
        "constraint_values": attrs.list(attrs.dep(providers = [ConfigurationInfo])),
        "stage0": attrs.dep(providers = [ConfigurationInfo], default = "toolchains//:stage0"),
    },
    is_configuration_rule = True,
)
