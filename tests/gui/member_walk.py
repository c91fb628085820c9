"""Our wizard walked as a member would, in a real window, counting what she has to do.

For docs/side-by-side.md, beside Thunderbird's hub (tests/thunderbird/hub_screens.py). Needs
`make testbed` running (its build/testbed/state.json gives the DNS server and the CA); run
with `make wizard-walk`. It starts Xvfb, then the wizard (`python -m assistant --dns-server
… --ca-file …`) with a scratch HOME, so the Thunderbird profile it writes is a new one there.
xdotool types the three fields on the first page (name, address, password: Tab between them)
and presses Enter for the page's main button, one press per page, the same as a click on it
(the server and login checks go on by themselves: no page of theirs waits for a press).
Each page is saved as a PNG; the walk ends on the done page: its main button
(「Thunderbird を開く」) is counted but not pressed, since it would start Thunderbird outside a
namespace (see `make wizard-in-thunderbird` for what it opens). It prints the counts: typed
fields, presses, and whether a password was stored for Thunderbird (else Thunderbird asks),
and keeps the written profile in build/wizard-profiles/<lang> (`make wizard-in-thunderbird`
then shows what Thunderbird asks first on it).

All traffic goes to the test bed's loopback servers: the wizard's lookups go to the test
bed's DNS server, and it connects only to the addresses that server gives.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.paths import ROOT
from tests.testbed.bed import PASSWORDS

STATE = ROOT / "build" / "testbed" / "state.json"
KEEP = ROOT / "build" / "wizard-profiles"  # for `hub_screens.py --start-from`
DISPLAY = ":74"
NAMES = {"ja": "山田 花子", "en": "Hanako Yamada"}
EMAIL, PASSWORD = "alice@church.test", PASSWORDS["alice"]
LANGS = {"ja": "ja_JP.UTF-8", "en": "en_US.UTF-8"}
PAGE_WAIT = 6.0  # seconds after a press: the server and login checks finish in ~2 s here
MAX_PRESSES = 15


def _x(*args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": DISPLAY}, check=False,
                   capture_output=True)


def _shot(path: Path) -> None:
    """The wizard's window, 96 colours: without a window manager it stays where it put
    itself, at the top left of the 1280x800 screen (MailWizard._fit_to_screen)."""
    subprocess.run(["import", "-display", DISPLAY, "-window", "root",
                    "-crop", "820x660+0+0", "+repage", "-colors", "96", f"PNG8:{path}"],
                   check=True)


@contextlib.contextmanager
def _xvfb() -> Iterator[None]:
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten",
                             "tcp"], stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(1.5)
        yield
    finally:
        os.killpg(xvfb.pid, signal.SIGTERM)
        xvfb.wait(10)


def _written(home: Path) -> bool:
    """Whether the wizard has written the account into a Thunderbird profile under home."""
    return any(EMAIL in p.read_text(errors="replace")
               for p in (home / ".thunderbird").glob("*/prefs.js"))


def walk(lang: str, out: Path, bed: dict[str, object], scratch: Path) -> dict[str, object]:
    home = scratch / f"home-{lang}"
    home.mkdir()
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "DISPLAY": DISPLAY,
           "LANG": LANGS[lang], "XDG_DATA_HOME": str(scratch / f"xdg-{lang}"),
           "MAIL_ASSISTANT_CONFIG_DIR": str(scratch / f"machine-{lang}"),
           "PYTHONPATH": str(ROOT)}
    wizard = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--lang", lang,
         "--dns-server", str(bed["dns_server"]), "--ca-file", str(bed["ca_file"])],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    presses, typed = 0, 0
    on_done_page = False
    try:
        time.sleep(PAGE_WAIT)
        page = 1
        while wizard.poll() is None and presses < MAX_PRESSES:
            _shot(out / f"{lang}-{page}.png")
            if _written(home):
                # The done page. Its main button, 「Thunderbird を開く」, would start
                # Thunderbird outside any namespace, where the test bed's names do not
                # resolve (and must not be looked up): count the press, do not make it;
                # `make wizard-in-thunderbird` shows what it would open.
                presses += 1
                on_done_page = True
                break
            if page == 1:  # the account page: its first field has the focus
                for n, text in enumerate((NAMES[lang], EMAIL, PASSWORD)):
                    if n:
                        _x("key", "Tab")
                    for char in text:  # slowly, else xdotool drops some non-ASCII ones
                        _x("type", "--delay", "200", char)
                        time.sleep(0.2)
                    typed += 1
                time.sleep(1)
                _shot(out / f"{lang}-{page}-typed.png")
            _x("key", "Return")
            presses += 1
            page += 1
            time.sleep(PAGE_WAIT)
    finally:
        if wizard.poll() is None:
            os.killpg(wizard.pid, signal.SIGTERM)
            wizard.wait(10)
    profiles = list((home / ".thunderbird").glob("*/prefs.js"))
    written = _written(home)
    stored = [p.parent.name for p in (home / ".thunderbird").glob("*/logins.json")]
    if profiles:
        shutil.rmtree(KEEP / lang, ignore_errors=True)
        shutil.copytree(profiles[0].parent, KEEP / lang,
                        ignore=shutil.ignore_patterns(".parentlock", "lock"))
    return {"lang": lang, "typed": typed, "presses": presses,
            "reached_done_page": on_done_page,
            "thunderbird_account_written": written, "password_stored_for_thunderbird":
            bool(stored)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    if not STATE.exists():
        sys.exit("start the test bed first: make testbed")
    bed = json.loads(STATE.read_text())
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="walk-") as scratch, _xvfb():
        for lang in LANGS:
            print(json.dumps(walk(lang, args.out, bed, Path(scratch)), ensure_ascii=False),
                  flush=True)


if __name__ == "__main__":
    main()
