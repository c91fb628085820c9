"""A shared church PC, judged by a real Thunderbird 153: a profile per member, no password
stored, and no mail body left on disk after reading two messages and sending one."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.clients.thunderbird.member_profiles import list_profiles
from tests.testbed import Testbed
from tests.thunderbird.tb_bed import TIMINGS, Bed
from tests.thunderbird.tb_harness import UnixRelay, copy_profile, run_thunderbird

pytestmark = pytest.mark.thunderbird

SPECS = ["--incoming", "imap:mail.church.test:993:tls",
         "--outgoing", "smtp:mail.church.test:587:starttls"]
MEMBERS = (("bob", "ボブ"), ("hanako", "山田 花子"))

READ_AND_SEND = """
const done = arguments[arguments.length - 1];
const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
const { MsgHdrToMimeMessage } = ChromeUtils.importESModule(
  "resource:///modules/gloda/MimeMessage.sys.mjs");
const CANARY = "%CANARY%";
(async () => {
  const account = MailServices.accounts.accounts.find(a => a.incomingServer.type == "imap");
  const root = account.incomingServer.rootFolder;
  let inbox = null;
  for (let i = 0; i < 60 && !(inbox && inbox.getTotalMessages(false) >= 2); i++) {
    inbox = root.getFolderWithFlags(Ci.nsMsgFolderFlags.Inbox);
    if (inbox) inbox.updateFolder(null);
    await new Promise(r => setTimeout(r, 250));
  }
  const bodies = [];
  for (const hdr of [...inbox.messages]) {
    bodies.push(await new Promise(resolve => MsgHdrToMimeMessage(hdr, null,
      (h, mime) => resolve(mime ? mime.coerceBodyToPlaintext(inbox) : null), true,
      {examineEncryptedParts: false})));
  }
  const identity = account.defaultIdentity;
  const fields = Cc["@mozilla.org/messengercompose/composefields;1"]
    .createInstance(Ci.nsIMsgCompFields);
  fields.from = identity.email;
  fields.to = "office@church.test";
  fields.subject = "shared pc test";
  fields.body = CANARY + "\\r\\n";
  const copied = new Promise(resolve => {
    const listener = {
      onStartSending() {}, onProgress() {}, onStatus() {}, onGetDraftFolderURI() {},
      onSendNotPerformed(id, status) { resolve("not performed " + status); },
      onTransportSecurityError() { resolve("security error"); },
      onStopSending(id, status) { if (status != 0) resolve("send failed " + status); },
      onStartCopy() {}, onProgressCopy() {}, setMessageKey() {}, getMessageId() { return null; },
      onStopCopy(status) { resolve("copied " + status); },
      QueryInterface: ChromeUtils.generateQI(["nsIMsgSendListener", "nsIMsgCopyServiceListener"]),
    };
    const send = Cc["@mozilla.org/messengercompose/send;1"].createInstance(Ci.nsIMsgSend);
    send.createAndSendMessage(null, identity, account.key, fields, false, false,
      Ci.nsIMsgSend.nsMsgDeliverNow, null, "text/plain", CANARY + "\\r\\n", null, null,
      listener, null, null, Ci.nsIMsgCompType.New);
  });
  const late = new Promise(r => setTimeout(() => r("timeout"), 15000));
  const sent = await Promise.race([copied, late]);
  done({bodies, sent});
})().catch(e => done({error: String(e)}));
"""


def apply_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, testbed: Testbed,
                  shared: bool) -> dict[str, Path]:
    """Each member applied on one HOME; her profile by e-mail address."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    scenario = testbed.scenarios["modern"]
    profiles = {}
    for key, name in MEMBERS:
        user = scenario.user(key)
        target = [] if shared else ["--thunderbird-profile", str(tmp_path / key)]
        assert main(["apply", "--client", "thunderbird", "--email", user.email, "--name", name,
                     "--username", user.login, *SPECS, *target,
                     *(["--shared-pc"] if shared else [])]) == 0
        profiles[user.email] = tmp_path / key
    if shared:
        registered = list_profiles(home / ".thunderbird")
        by_name = {p.name: p.path for p in registered}
        profiles = {scenario.user(k).email: by_name[n] for k, n in MEMBERS}
    return profiles


def test_two_members_two_profiles_and_no_login_by_itself(
        testbed: Testbed, bed: Bed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profiles = apply_members(tmp_path, monkeypatch, testbed, shared=True)
    ini = (tmp_path / "home" / ".thunderbird" / "profiles.ini").read_text()
    assert "StartWithLastProfile=0" in ini
    for email, profile in profiles.items():
        prefs = (profile / "prefs.js").read_text()
        assert email in prefs
        assert not any(other in prefs for other in profiles if other != email)
        assert not (profile / "logins.json").exists()
    scenario = testbed.scenarios["modern"]
    assert scenario.cert is not None
    bob = scenario.user("bob")
    work = bed.work("shared PC: member A's profile, no password")
    copy = copy_profile(profiles[bob.email], work / "profile")
    result = run_thunderbird(copy, work, {993: "imap", 587: "smtp"}, ca_pem=testbed.ca_file,
                             cert=scenario.cert.cert, key=scenario.cert.key, logins=[],
                             expect_ports=[], smtp={}, timeout=15, store_logins=False,
                             linger=4.0, read_back=False)
    TIMINGS.append(("shared PC: member A's profile, no password", result["seconds"]))
    imap = [c for c in result["connections"] if c["port"] == 993]
    assert imap, result["connections"]  # Thunderbird opened her profile and dialled
    assert all(c["user"] is None for c in result["connections"])  # and logged in as nobody


@pytest.mark.parametrize("shared", [True, False], ids=["shared-pc", "own-pc-control"])
def test_no_body_on_disk_after_reading_and_sending(
        testbed: Testbed, bed: Bed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        shared: bool) -> None:
    """The member types her password at Thunderbird's prompt (the harness stores it for the
    run); the control without the shared-PC prefs shows the bodies do land on disk."""
    profiles = apply_members(tmp_path, monkeypatch, testbed, shared=shared)
    scenario = testbed.scenarios["modern"]
    assert scenario.cert is not None
    bob = scenario.user("bob")
    label = f"shared PC bodies ({'shared' if shared else 'control'})"
    work = bed.work(label)
    relay = UnixRelay(work, {993: (scenario.ip, 993)})
    canary = f"SENT-CANARY-{uuid.uuid4().hex}"
    try:
        copy = copy_profile(profiles[bob.email], work / "profile")
        origin = f"imap://{scenario.mail_host}"
        result = run_thunderbird(
            copy, work, {993: "imap", 587: "smtp"}, ca_pem=testbed.ca_file,
            cert=scenario.cert.cert, key=scenario.cert.key,
            logins=[(origin, bob.login), (f"smtp://{scenario.mail_host}", bob.login)],
            passwords={origin: bob.password}, expect_ports=[], smtp={}, timeout=45,
            relays=relay.paths, script=READ_AND_SEND.replace("%CANARY%", canary), linger=3.0)
    finally:
        relay.close()
    TIMINGS.append((label, result["seconds"]))
    assert result["marionette_error"] is None, result
    outcome = result["script"]
    assert "error" not in outcome, outcome
    assert outcome["sent"] == "copied 0", outcome
    texts = ["日曜礼拝は10時半からです", "This week's bulletin", canary]
    assert any(texts[0] in (b or "") for b in outcome["bodies"]), outcome  # really read
    found = {t: [str(p) for folder in (copy, work / "home", work / "tmp")
                 for p in folder.rglob("*") if p.is_file() and t.encode() in p.read_bytes()]
             for t in texts}
    if shared:
        assert not any(found.values()), json.dumps(found, ensure_ascii=False)
    else:
        assert all(found.values()), found
