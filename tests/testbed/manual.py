"""The test bed by hand, outside pytest: ``make testbed`` / ``make testbed-down``.

``start`` runs ``serve`` as a detached process that starts the same servers as the session
fixture (:func:`tests.testbed.bed.start_testbed`), writes a state file (its pid, the process
groups it started, the addresses) and waits for SIGTERM; it then stops everything with the
fixture's own teardown, which checks nothing is left listening. ``stop`` signals exactly the
process the state file names (after checking it is still this program), so another bed —
a pytest run, another developer's — is never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from tests.paths import ROOT
from tests.testbed.bed import start_testbed
from tests.testbed.model import Testbed
from tests.testbed.procs import group_alive, listening

DEFAULT_STATE = ROOT / "build" / "testbed" / "state.json"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
_MARK = "tests.testbed.manual"  # in the serve process's command line


def describe(bed: Testbed) -> dict[str, Any]:
    return {
        "pid": os.getpid(), "block": bed.block, "directory": str(bed.directory),
        "dns_server": bed.dns_server, "ca_file": str(bed.ca_file), "http": bed.http,
        "process_groups": bed.process_groups,
        "scenarios": {name: {"domain": s.domain, "ip": s.ip, "mail_host": s.mail_host,
                             "endpoints": [f"{e.protocol} {e.port} {e.security}"
                                           for e in s.endpoints],
                             "users": [{"email": u.email, "login": u.login,
                                        "password": u.password} for u in s.users.values()]}
                      for name, s in bed.scenarios.items()},
    }


def serve(state: Path) -> int:
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda *_: stop.set())
    with start_testbed() as bed:
        state.parent.mkdir(parents=True, exist_ok=True)
        partial = state.with_suffix(".tmp")
        partial.write_text(json.dumps(describe(bed), ensure_ascii=False, indent=2),
                           encoding="utf-8")
        partial.replace(state)  # start sees the whole file or none
        try:
            while not stop.wait(1.0):
                pass
        finally:
            state.unlink(missing_ok=True)
    return 0


def read_state(state: Path) -> dict[str, Any] | None:
    try:
        found: dict[str, Any] = json.loads(state.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found


def is_ours(pid: int) -> bool:
    """The pid is alive and is a serve process of this module (not a reused number)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return _MARK.encode() in cmdline and b"serve" in cmdline


def summary(found: dict[str, Any]) -> str:
    modern = found["scenarios"]["modern"]
    alice = next(u for u in modern["users"] if u["email"].startswith("alice@"))
    lines = [f"Test bed running (pid {found['pid']}, addresses {found['block']}.x.y); "
             "stop it with: make testbed-down",
             f"DNS server (--dns-server): {found['dns_server']}",
             f"CA file (--ca-file):       {found['ca_file']}",
             f"autoconfig web server:     {found['http']['http']}, {found['http']['https']}",
             f"logs:                      {found['directory']}", ""]
    for name, s in found["scenarios"].items():
        lines.append(f"{name}: {s['domain']} (mail host {s['mail_host']}, {s['ip']}): "
                     + ", ".join(s["endpoints"]))
        lines += [f"  {u['email']:<32} login {u['login']:<32} password {u['password']}"
                  for u in s["users"]]
    lines += ["", "For the shell (README's examples):",
              f"export DNS={found['dns_server']} CA={found['ca_file']} "
              f"PASSWORD={alice['password']}"]
    return "\n".join(lines)


def start(state: Path) -> int:
    found = read_state(state)
    if found is not None and is_ours(found["pid"]):
        print(summary(found))
        return 0
    state.unlink(missing_ok=True)  # left by a bed that did not stop cleanly
    state.parent.mkdir(parents=True, exist_ok=True)
    log = state.with_suffix(".log")
    with log.open("wb") as out:
        child = subprocess.Popen([sys.executable, "-m", _MARK, "serve", "--state", str(state)],
                                 cwd=ROOT, stdin=subprocess.DEVNULL, stdout=out,
                                 stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + START_TIMEOUT
    while (found := read_state(state)) is None:
        if child.poll() is not None or time.monotonic() > deadline:
            if child.poll() is None:
                child.terminate()
            print(f"the test bed did not start:\n{log.read_text(errors='replace')[-3000:]}",
                  file=sys.stderr)
            return 1
        time.sleep(0.1)
    print(summary(found))
    return 0


def stop(state: Path) -> int:
    found = read_state(state)
    if found is None:
        print("no test bed is running (no state file)")
        return 0
    pid, groups = found["pid"], list(found["process_groups"].values())
    if is_ours(pid):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while is_ours(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
    else:  # serve died without its teardown: end the groups it recorded, nothing else
        for pgid in groups:
            if group_alive(pgid):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)
    state.unlink(missing_ok=True)
    left = [str(g) for g in groups if group_alive(g)] + listening(f"{found['block']}.")
    if is_ours(pid) or left:
        print(f"the test bed did not stop: {', '.join(left) or f'pid {pid}'}", file=sys.stderr)
        return 1
    print(f"test bed {found['block']}.x.y stopped")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.testbed.manual")
    parser.add_argument("action", choices=("start", "stop", "serve"))
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE)
    args = parser.parse_args(argv)
    action = {"start": start, "stop": stop, "serve": serve}[args.action]
    return action(args.state)


if __name__ == "__main__":
    sys.exit(main())
