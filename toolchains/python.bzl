"""The interpreter of the prelude's Python tools: the machine's python3.

python3 stays a host tool (docs/toolchains.md); this only puts
toolchains/python first on its PYTHONPATH, whose sitecustomize.py backports
what the bundled prelude needs of Python 3.12 to Debian 12's 3.11. The
directory is an input of every action that runs the interpreter.
"""

def _python3_impl(ctx: AnalysisContext) -> list[Provider]:
    site = cmd_args(ctx.attrs.sitecustomize, parent = 1)
    return [
        DefaultInfo(),
        RunInfo(args = cmd_args(
            "env",
            cmd_args("PYTHONPATH=", site, delimiter = ""),
            "python3",
            hidden = ctx.attrs.sitecustomize,
        )),
    ]

python3 = rule(
    impl = _python3_impl,
    attrs = {"sitecustomize": attrs.source()},
)
