"""Thunderbird 153's own account hub, walked for the church's account, one PNG per screen.

For docs/side-by-side.md: what a member sees when she sets up alice@church.test with
Thunderbird alone. Run it with `make hub-screenshots` (root; about a minute per language).

Everything runs inside a private network namespace (``unshare -n``, loopback only): Xvfb,
the test bed's autoconfig file for church.test served on port 80, the harness's recording
IMAP/POP3/SMTP server on every port of the test bed's "modern" scenario (TLS with a per-run
CA that is imported into the empty profile, as a real server's certificate would be
trusted), and a real Thunderbird with `network.dns.forceResolve = 127.0.0.1`. Nothing can
leave 127.0.0.1: the namespace has no other interface. xdotool types and presses keys the
way a member would (only keys and clicks she would use); each screen is saved with
ImageMagick's `import` (the dialog cropped), at most 800 px wide, in 96 colours (small files).
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from tests.testbed.bed import _ALL, PASSWORDS, autoconfig_xml
from tests.testbed.ca import TestCA
from tests.testbed.model import Scenario
from tests.thunderbird.tb_harness import TB_BIN, TEST_PREFS, Recorder, prepare_nss

DOMAIN = "church.test"
HOSTS = ["mail.church.test", f"autoconfig.{DOMAIN}", DOMAIN]
NAMES, EMAIL = {"ja": "山田 花子", "en": "Hanako Yamada"}, f"alice@{DOMAIN}"
PASSWORD = PASSWORDS["alice"]  # the test bed's test-only password
DISPLAY = ":73"
SCREEN = "1280x800x24"
LOCALES = {"ja": "ja", "en": "en-US"}


def _autoconfig() -> bytes:
    """The test bed's own autoconfig file for its "modern" church."""
    scenario = Scenario("modern", DOMAIN, "127.0.0.1", "mail.church.test", {}, _ALL,
                        tuple(HOSTS), None)
    return autoconfig_xml(scenario)


@contextlib.contextmanager
def _http(body: bytes) -> Iterator[None]:
    """Port 80: the autoconfig file at both of Thunderbird's church-side paths."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.split("?")[0].endswith("/mail/config-v1.1.xml"):
                self.send_response(200)
                self.send_header("Content-Type", "text/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            pass  # Thunderbird drops the lookups it no longer needs

    server = Server(("127.0.0.1", 80), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()


def _x(*args: str) -> str:
    return subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": DISPLAY},
                          capture_output=True, text=True, check=False).stdout


def _shot(path: Path, *, whole: bool = False) -> None:
    """The hub's dialog (it sits centred on the 1280x800 screen), or the whole screen."""
    crop = [] if whole else ["-crop", "830x690+160+55", "+repage"]
    subprocess.run(["import", "-display", DISPLAY, "-window", "root", *crop,
                    "-resize", "800x>", "-colors", "96", f"PNG8:{path}"], check=True)


def _type(text: str) -> None:
    """One character per xdotool call, slowly: faster, it drops some non-ASCII characters
    (it maps each onto a spare key, and the window may read the old mapping)."""
    for char in text:
        _x("type", "--delay", "200", char)
        time.sleep(0.2)


def _key(name: str) -> None:
    _x("key", name)


@contextlib.contextmanager
def _thunderbird(scratch: Path, lang: str, ca: TestCA, recorder: Recorder,
                 start_from: Path | None) -> Iterator[None]:
    """Thunderbird on an empty profile, or on a copy of ``start_from`` (one our wizard
    wrote), with the test CA and the test-only prefs added."""
    profile = scratch / f"profile-{lang}"
    if start_from is None:
        profile.mkdir()
    else:
        shutil.copytree(start_from, profile, ignore=shutil.ignore_patterns(".parentlock", "lock"))
    # NSS initialises once per process: import the CA from a short-lived child.
    child = multiprocessing.get_context("fork").Process(
        target=prepare_nss, args=(profile, ca.cert, None, {}))
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError("could not import the test CA into the profile")
    prefs = {key: value for key, value in TEST_PREFS.items() if key != "marionette.enabled"}
    prefs["intl.locale.requested"] = LOCALES[lang]
    (profile / "user.js").write_text("".join(
        f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()))
    home = scratch / f"home-{lang}"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "DISPLAY": DISPLAY,
           "LANG": "ja_JP.UTF-8" if lang == "ja" else "en_US.UTF-8", "TMPDIR": str(scratch)}
    log = (scratch / f"tb-{lang}.log").open("wb")
    tb = subprocess.Popen([str(TB_BIN), "--no-remote", "--profile", str(profile)], env=env,
                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(tb.pid, signal.SIGTERM)
        tb.wait(15)
        log.close()
        logins = profile / "logins.json"
        stored = [entry["hostname"] for entry in json.loads(logins.read_text())["logins"]] \
            if logins.exists() else []
        with recorder.lock:
            logged_in = sorted({f"{r['protocol']}:{r['port']}" for r in recorder.records
                                if r["user"]})
            recorder.records.clear()
        print(f"{lang}: passwords stored for {stored}; logins seen on {logged_in}", flush=True)


def inside(out: Path, hold: float, start_from: Path | None) -> None:
    """The namespace side: Xvfb, servers, then per language a Thunderbird to walk (or, with
    ``start_from``, the first screen Thunderbird shows on our wizard's profile)."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    scratch = Path(tempfile.mkdtemp(prefix="hub-"))
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", SCREEN, "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(1.5)
        ca = TestCA(scratch / "ca")
        leaf = ca.issue("servers", HOSTS)
        recorder = Recorder({e.port: e.protocol for e in _ALL}, str(leaf.cert), str(leaf.key))
        with _http(_autoconfig()):
            for lang in LOCALES:
                source = None if start_from is None else start_from / lang
                with _thunderbird(scratch, lang, ca, recorder, source):
                    if start_from is not None:
                        after_wizard(out, lang)
                        continue
                    if hold:
                        print(f"holding {lang} on {DISPLAY}; scratch {scratch}", flush=True)
                        time.sleep(hold)
                        continue
                    walk(out, lang)
    finally:
        os.killpg(xvfb.pid, signal.SIGTERM)
        xvfb.wait(10)
    if not hold:
        shutil.rmtree(scratch, ignore_errors=True)


def _wait_window(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not _x("search", "--onlyvisible", "--name", "Thunderbird").strip():
        if time.monotonic() > deadline:
            raise RuntimeError("no Thunderbird window")
        time.sleep(0.5)


def _click(x: int, y: int) -> None:
    """A member's click at a button's place on the 1280x800 screen (the hub is centred)."""
    _x("mousemove", str(x), str(y), "click", "1")


def walk(out: Path, lang: str) -> None:
    """The member's path through the hub; a PNG of each screen she sees. Three typed
    fields (the name replaces the one prefilled from the system account) and four clicks."""
    _wait_window(60)
    time.sleep(8)  # the hub opens over the main window on a profile with no account
    _shot(out / f"{lang}-1-start.png")
    _key("ctrl+a")
    _type(NAMES[lang])
    _key("Tab")
    _type(EMAIL)
    time.sleep(1)
    _shot(out / f"{lang}-2-address.png")
    _click(874, 627)  # 続ける / Continue
    time.sleep(6)  # the autoconfig lookup
    _shot(out / f"{lang}-3-found.png")
    _click(874, 620)  # 続ける / Continue
    time.sleep(3)
    _shot(out / f"{lang}-4-password.png")
    _type(PASSWORD)
    _click(874, 598)  # 続ける / Continue: the hub logs in before it creates the account
    time.sleep(6)
    _shot(out / f"{lang}-5-done.png")
    _click(874, 598)  # 完了 / Done
    time.sleep(4)
    _shot(out / f"{lang}-6-after.png", whole=True)


def after_wizard(out: Path, lang: str) -> None:
    """What Thunderbird shows first on the profile our wizard wrote (its password prompt
    when no password was stored)."""
    _wait_window(60)
    time.sleep(12)
    _shot(out / f"{lang}-5-thunderbird-after.png", whole=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--hold", type=float, default=0.0,
                        help="start each language's Thunderbird and wait (for a person)")
    parser.add_argument("--start-from", type=Path,
                        help="a folder with ja/ and en/ profiles our wizard wrote "
                             "(tests/gui/member_walk.py keeps them in build/wizard-profiles)")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    start_from = None if args.start_from is None else args.start_from.resolve()
    if args.inside:
        inside(args.out.resolve(), args.hold, start_from)
        return
    subprocess.run(["unshare", "-n", sys.executable, "-m", "tests.thunderbird.hub_screens",
                    "--inside", "--hold", str(args.hold), str(args.out),
                    *(["--start-from", str(start_from)] if start_from else [])], check=True,
                   start_new_session=True)


if __name__ == "__main__":
    main()
