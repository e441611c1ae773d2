"""What the bundled prelude's Python tools need of a Python older than 3.12.

The prelude runs its wrappers (rustc_action.py, buildscript_run.py,
from_any_dir.py, ...) with the machine's python3 (docs/toolchains.md). One of
them, from_any_dir.py, which lets a crate's build script run the C toolchain
from any directory (ring's), calls PurePath.relative_to(walk_up=True), new in
Python 3.12; Debian 12 has 3.11. This backports that one argument; nothing
else changes. toolchains/python.bzl puts this directory first on PYTHONPATH.
"""

import os
import pathlib
import sys

if sys.version_info < (3, 12):
    _relative_to = pathlib.PurePath.relative_to

    def _relative_to_walk_up(self, other, *rest, walk_up=False):
        if not walk_up:
            return _relative_to(self, other, *rest)
        if rest or self.is_absolute() != type(self)(other).is_absolute():
            raise ValueError(f"{str(self)!r} and {str(other)!r}: walk_up needs two absolute or two relative paths")
        return type(self)(os.path.relpath(self, other))

    pathlib.PurePath.relative_to = _relative_to_walk_up
