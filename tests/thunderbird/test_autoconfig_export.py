"""A real headless Thunderbird 153 as the judge of autoconfig files.

1. The POP3 export: Thunderbird fetches it over HTTP (its own FetchConfig.fromISP), creates
   the account (CreateInBackend, as its account hub does), and the account's prefs say that
   mail is left on the server and not deleted by age (Thunderbird's POP3 client deletes by
   age only when ``num_days_to_leave_on_server`` is non-zero).
2. The verdict: Thunderbird's own fetchHTTP + readFromXML run on every case of
   ``thunderbird_reading``'s tests, and both must agree.

Thunderbird runs in a private network namespace (loopback only); every host name resolves to
127.0.0.1 there (``network.dns.forceResolve``), where this module serves the files. Run as a
script, it is the runner inside the namespace.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.clients.exports.autoconfig import autoconfig_xml
from assistant.clients.exports.source import ExportSettings
from assistant.discovery.thunderbird_reading import thunderbird_reading
from assistant.settings import LoginRule, Server
from tests.testbed.need import missing
from tests.thunderbird.tb_harness import TB_BIN, Marionette, _free_port, _write_user_js

DOMAIN = "church.test"
EMAIL = f"taro@{DOMAIN}"

SCRIPT = """
const [domain, email, cases] = arguments;
return (async () => {
const { FetchConfig } = ChromeUtils.importESModule(
  "resource:///modules/accountcreation/FetchConfig.sys.mjs");
const { fetchHTTP } = ChromeUtils.importESModule(
  "resource:///modules/accountcreation/FetchHTTP.sys.mjs");
const { readFromXML } = ChromeUtils.importESModule(
  "resource:///modules/accountcreation/readFromXML.sys.mjs");
const { AccountConfig } = ChromeUtils.importESModule(
  "resource:///modules/accountcreation/AccountConfig.sys.mjs");
const { CreateInBackend } = ChromeUtils.importESModule(
  "resource:///modules/accountcreation/CreateInBackend.sys.mjs");
const verdicts = [];
for (const url of cases) {
  try {
    const config = readFromXML(await fetchHTTP(url, {}), "test");
    verdicts.push({accepted: true, incoming: 1 + config.incomingAlternatives.length,
                   outgoing: 1 + config.outgoingAlternatives.length,
                   username: config.incoming.username});
  } catch (e) {
    verdicts.push({accepted: false, error: String(e)});
  }
}
const config = await FetchConfig.fromISP(domain, email, new AbortController().signal);
AccountConfig.replaceVariables(config, "Taro", email, "");
const account = await CreateInBackend.createAccountInBackend(config);
const s = account.incomingServer;
return {verdicts, account: {
  type: s.type, user: s.username, host: s.hostName, port: s.port,
  leave_on_server: s.getBoolValue("leave_on_server"),
  num_days_to_leave_on_server: s.getIntValue("num_days_to_leave_on_server"),
  delete_by_age_from_server: s.getBoolValue("delete_by_age_from_server"),
  subSource: config.subSource}};
})();
"""


def runner(spec: dict[str, Any]) -> dict[str, Any]:
    """Inside the namespace: serve the files on 127.0.0.1:80, run Thunderbird, ask it."""
    from tests.testbed.http import Route, start_http

    routes: dict[str, Route | bytes | str] = {
        path: Route(Path(body).read_bytes(), content_type)
        for path, (body, content_type) in spec["routes"].items()}
    profile = Path(spec["profile"])
    profile.mkdir(parents=True)
    port = _free_port()
    _write_user_js(profile, port)
    env = {"HOME": spec["home"], "MOZ_HEADLESS": "1", "PATH": os.environ["PATH"],
           "LANG": "C.UTF-8"}
    deadline = time.monotonic() + 90
    with start_http("127.0.0.1", 80, routes), open(spec["log"], "wb") as log:
        tb = subprocess.Popen([str(TB_BIN), "--headless", "--no-remote", "--profile",
                               str(profile), "--marionette", "-remote-allow-system-access"],
                              env=env, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
        try:
            session = Marionette(port, deadline)
            session.call("WebDriver:NewSession", {"capabilities": {}})
            session.call("Marionette:SetContext", {"value": "chrome"})
            value: dict[str, Any] = session.call("WebDriver:ExecuteScript", {
                "script": SCRIPT, "args": [spec["domain"], spec["email"], spec["cases"]],
                "scriptTimeout": 60000})["value"]
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(tb.pid, signal.SIGKILL)
            tb.wait()
    return value


def _cases() -> list[tuple[str, str | None, bytes]]:
    """(label, Content-Type, body) for every verdict case of test_thunderbird_reading."""
    from tests.probe import test_thunderbird_reading as t

    good = t.config()
    cases: list[tuple[str, str | None, bytes]] = [
        ("good", "text/xml", good.encode()),
        ("text/plain", "text/plain", good.encode()),
        ("octet-stream", "application/octet-stream", good.encode()),
        ("Text/XML", "Text/XML", good.encode()),
        ("padded socketType", "text/xml", t.padded(" SSL ").encode()),
        ("lower-case ssl", "text/xml", t.padded("ssl").encode()),
        ("no domain", "text/xml", t.config(domain="").encode()),
        ("no id", "text/xml", t.config(provider="").encode()),
        ("incoming only", "text/xml", t.config(outgoing=" ").encode()),
        ("shift_jis", "text/xml", t.config(
            declaration='<?xml version="1.0" encoding="Shift_JIS"?>').encode("shift_jis")),
    ]
    for label, xml in (("full-width port", "<port>９９３</port>"),
                       ("unicode host", "<hostname>メール.教会.jp</hostname>"),
                       ("padded port", "<port> 993 </port>")):
        base = t.padded("SSL")
        swapped = base.replace("<port>993</port>", xml) if "port" in label else base.replace(
            "<hostname>mail.church.example</hostname>", xml, 1)
        cases.append((label, "text/xml", swapped.encode()))
    bad = ("<incomingServer type=\"pop3\"><hostname>pop.church.example</hostname>"
           "<port>99999</port><socketType>SSL</socketType>"
           "<authentication>password-cleartext</authentication>"
           "<username>%EMAILADDRESS%</username></incomingServer>")
    one_bad = good.replace("</incomingServer>", "</incomingServer>" + bad, 1)
    cases.append(("one bad server among good", "text/xml", one_bad.encode()))
    return cases


def test_thunderbird_reads_the_pop3_export_as_keep_and_agrees_with_the_verdict(
        tmp_path: Path) -> None:
    if not TB_BIN.exists():
        missing("Thunderbird (/usr/lib/thunderbird/thunderbird)")
    pop = Server.create("pop3", f"mail.{DOMAIN}", 995, "tls")
    smtp = Server.create("smtp", f"mail.{DOMAIN}", 465, "tls")
    export = autoconfig_xml(ExportSettings((DOMAIN,), (pop,), (smtp,), LoginRule.LOCAL_PART))
    (tmp_path / "export.xml").write_bytes(export)
    routes = {f"autoconfig.{DOMAIN}/mail/config-v1.1.xml": [str(tmp_path / "export.xml"),
                                                           "text/xml; charset=utf-8"]}
    cases = _cases()
    for index, (_label, content_type, body) in enumerate(cases):
        (tmp_path / f"case{index}.xml").write_bytes(body)
        routes[f"/case/{index}"] = [str(tmp_path / f"case{index}.xml"),
                                    content_type or "text/xml"]
    spec = {"routes": routes, "profile": str(tmp_path / "profile"),
            "home": str(tmp_path / "home"), "log": str(tmp_path / "tb.log"),
            "domain": DOMAIN, "email": EMAIL,
            "cases": [f"http://127.0.0.1/case/{i}" for i in range(len(cases))]}
    (tmp_path / "home").mkdir()
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"',
                           sys.executable, str(Path(__file__).resolve()),
                           str(tmp_path / "spec.json")],
                          env=env, timeout=180, check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((tmp_path / "result.json").read_text())
    account = result["account"]
    assert (account["type"], account["user"], account["port"]) == ("pop3", "taro", 995)
    assert account["subSource"] == "xml-from-isp-http"
    assert account["leave_on_server"] is True
    # delete_by_age_from_server is Thunderbird's own default (true) whatever a file says;
    # with 0 days its POP3 client never deletes by age (Pop3Client.sys.mjs).
    assert account["num_days_to_leave_on_server"] == 0
    print("Thunderbird's account prefs:", account)
    for (label, content_type, body), theirs in zip(cases, result["verdicts"], strict=True):
        ours = thunderbird_reading(body, content_type)
        assert ours.accepted == theirs["accepted"], (label, theirs, ours)
        print(f"{label:28} thunderbird={theirs}")


if __name__ == "__main__":
    if len(sys.argv) == 2:
        spec_path = Path(sys.argv[1])
        outcome = runner(json.loads(spec_path.read_text()))
        (spec_path.parent / "result.json").write_text(json.dumps(outcome, indent=1))
    else:
        pytest.main([__file__, "-s"])
