"""Execution platforms for mvirt-os.

One execution platform, Linux x86_64 glibc. `[mvirt] execution` in the
buckconfig picks how it runs actions (mode/remote and mode/cache set it):

    local   (default) every action on this machine
    remote  actions run on a Remote Execution API worker ([buck2_re_client]);
            actions marked local_only (fetching pinned host files) stay here
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

def _executor() -> CommandExecutorConfig:
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
    if mode == "cache":
        return CommandExecutorConfig(local_enabled = True, remote_enabled = False, **_CACHE)
    fail("[mvirt] execution = {}: use local, remote or cache".format(mode))

def _execution_platforms_impl(ctx: AnalysisContext) -> list[Provider]:
    constraints = dict()
    for dep in ctx.attrs.constraint_values:
        constraints.update(dep[ConfigurationInfo].constraints)
    cfg = ConfigurationInfo(constraints = constraints, values = {})
    platform = ExecutionPlatformInfo(
        label = ctx.label.raw_target(),
        configuration = cfg,
        executor_config = _executor(),
    )
    return [
        DefaultInfo(),
        ExecutionPlatformRegistrationInfo(
            platforms = [platform],
            exec_marker_constraint = get_exec_platform_marker(),
        ),
    ]

execution_platforms = rule(
    impl = _execution_platforms_impl,
    attrs = {
        "constraint_values": attrs.list(attrs.dep(providers = [ConfigurationInfo])),
    },
    is_configuration_rule = True,
)
