"""`remove` on a profile a real Thunderbird 153 has used: no trace of the address is left in
the profile (the prefs.js backup, kept on purpose, aside) and the other account still works."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.cli import main
from tests.testbed import Testbed, User
from tests.thunderbird.tb_bed import Bed
from tests.thunderbird.test_real_servers import run_against

pytestmark = pytest.mark.thunderbird


def traces(profile: Path, needles: list[str]) -> list[str]:
    return sorted(str(p.relative_to(profile)) for p in profile.rglob("*")
                  if p.is_file() and ".mail-assistant.bak" not in p.name
                  and any(n.encode() in p.read_bytes() or n.encode() in p.name.encode()
                          for n in needles))


def test_remove_after_thunderbird_used_the_profile(testbed: Testbed, bed: Bed,
                                                   tmp_path: Path) -> None:
    scenario = testbed.scenarios["modern"]
    alice, bob = scenario.user("alice"), scenario.user("bob")
    profile = tmp_path / "p"


    def apply(user: User, name: str, target: Path) -> None:
        assert main(["apply", "--client", "thunderbird", "--email", user.email, "--name", name,
                     "--username", user.login,
                     "--incoming", f"imap:{scenario.mail_host}:993:tls",
                     "--outgoing", f"smtp:{scenario.mail_host}:587:starttls",
                     "--thunderbird-profile", str(target)]) == 0

    apply(alice, "Alice", profile)
    origin = f"imap://{scenario.mail_host}"
    run = run_against(testbed, bed, "Alice's account, before remove", profile,
                      {993: "imap", 587: "smtp"}, alice.login, alice.password, [origin],
                      ("dovecot", "Login"))
    used = Path(str(run["copy"]))
    assert traces(used, [alice.email]), "Thunderbird left nothing to find: the test is blind"
    apply(bob, "Bob", used)
    assert main(["remove", "--client", "thunderbird", "--email", alice.email,
                 "--thunderbird-profile", str(used)]) == 0
    assert traces(used, [alice.email, "alice%40"]) == []
    assert list(used.glob("prefs.js.*.mail-assistant.bak"))
    assert bob.email in (used / "prefs.js").read_text()
