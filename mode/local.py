#!/usr/bin/env python3
"""`buck2 build @mode/local.py //uki:mvirt`: the local persistent cache
(cache/mvirt-cache, docs/cache.md) when it is running, no cache when not.

buck2 runs this file and reads its output as arguments. A cache that is down
must never fail or stall a build (buck2 treats a failed cache lookup as an
action error, after about 45 s of retries), so this looks first: when
127.0.0.1:PORT of [buck2_re_client] does not answer within a second, the
build runs without the cache and says so on the terminal.
"""

import os
import socket
import sys

PORT = int(os.environ.get("MVIRT_CACHE_PORT", "50051"))


def cache_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", PORT), timeout=1):
            return True
    except OSError:
        return False


def tell(message: str) -> None:
    """buck2 keeps this program's stderr to itself: the terminal hears it."""
    try:
        with open("/dev/tty", "w") as tty:
            tty.write(message + "\n")
    except OSError:
        pass


if cache_up():
    print("--config-file")
    print(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cache.buckconfig"))
else:
    tell(
        f"mode/local.py: no cache on 127.0.0.1:{PORT}: building without it "
        "(start it with cache/mvirt-cache start)"
    )
    print("-c")
    print("mvirt.execution=local")
