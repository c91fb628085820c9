"""Filtered ports: an nftables table of our own that drops packets to one ip:port.

Why: a filtered port (SYN dropped, connect hangs until the client's timeout) is what slows
discovery most in real networks, and it cannot be faked by a user-space server. Each use
creates a uniquely named table and deletes it on exit (and at interpreter exit as a backstop).
"""

from __future__ import annotations

import atexit
import ipaddress
import itertools
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from tests.testbed.procs import require

_counter = itertools.count(1)
_live: set[str] = set()


def _nft(script: str) -> None:
    subprocess.run([require("nft"), "-f", "-"], input=script, text=True, check=True,
                   capture_output=True)


def _delete(table: str) -> None:
    if table in _live:
        subprocess.run([require("nft"), "delete", "table", "inet", table], check=False,
                       capture_output=True)
        _live.discard(table)


def _delete_all() -> None:
    for table in list(_live):
        _delete(table)


atexit.register(_delete_all)


def table_exists(table: str) -> bool:
    """True if an nftables table of that name exists (used by tests of the cleanup)."""
    out = subprocess.run([require("nft"), "list", "tables"], check=True, capture_output=True,
                         text=True).stdout
    return f"table inet {table}" in out.splitlines()


@contextmanager
def dropped(ip: str, port: int, protocol: str = "tcp") -> Iterator[str]:
    """Inside the block every packet to ip:port is dropped; yields the nftables table name."""
    if protocol not in ("tcp", "udp"):
        raise ValueError(protocol)
    ip = str(ipaddress.IPv4Address(ip))  # the values go into an nft script: validate them
    port = int(port)
    table = f"testbed_{os.getpid()}_{next(_counter)}"
    _nft(f"""table inet {table} {{
  chain input {{
    type filter hook input priority -10; policy accept;
    ip daddr {ip} {protocol} dport {port} drop
  }}
}}
""")
    _live.add(table)
    try:
        yield table
    finally:
        _delete(table)
