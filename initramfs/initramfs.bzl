"""`initramfs`: the spec plus its inputs → a newc cpio archive (mvirt-cpio).

`inputs` binds the spec's `@NAME` sources to targets; `omit` leaves out
optional entries (e.g. cloud-hypervisor). Files the spec names by path
(rootfs/…) are declared in `srcs`. The archive is sorted, owned by root, with
one mtime ([mvirt] source_date_epoch), so equal inputs give equal bytes.
"""

def _initramfs_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output(ctx.attrs.out)
    cmd = cmd_args(
        ctx.attrs._cpio[RunInfo],
        "build",
        "--spec",
        ctx.attrs.spec,
        "--mtime",
        read_root_config("mvirt", "source_date_epoch"),
        hidden = ctx.attrs.srcs,
    )
    for name, dep in sorted(ctx.attrs.inputs.items()):
        cmd.add("--input", cmd_args(name, "=", dep[DefaultInfo].default_outputs[0], delimiter = ""))
    for name in ctx.attrs.omit:
        cmd.add("--omit", name)
    cmd.add("--output", out.as_output())
    ctx.actions.run(cmd, category = "initramfs")
    return [DefaultInfo(default_output = out)]

initramfs = rule(
    impl = _initramfs_impl,
    attrs = {
        "inputs": attrs.dict(attrs.string(), attrs.dep()),
        "omit": attrs.list(attrs.string(), default = []),
        "out": attrs.string(default = "initramfs.cpio.gz"),
        "spec": attrs.source(),
        "srcs": attrs.list(attrs.source(), default = []),
        "_cpio": attrs.exec_dep(default = "//tools/cpio:mvirt-cpio", providers = [RunInfo]),
    },
)
