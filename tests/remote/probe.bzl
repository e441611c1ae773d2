"""A probe action that reads a file it does not declare (tests/remote/BUCK)."""

def _undeclared_read_impl(ctx: AnalysisContext) -> list[Provider]:
    out = ctx.actions.declare_output("probe.txt")
    ctx.actions.run(
        cmd_args("sh", "-c", 'cat "$1" > "$2"', "--", ctx.attrs.path, out.as_output()),
        category = "undeclared_read",
    )
    return [DefaultInfo(default_output = out)]

undeclared_read = rule(
    impl = _undeclared_read_impl,
    attrs = {"path": attrs.string()},
)
