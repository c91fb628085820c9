"""Fixtures of the trust tests: a CA whose certificates the assistant accepts next to the test
bed's (so the attacker's certificate is valid), the attacker's certificate, and the member's
path through the core as the wizard takes it (profile verdict, probe, one ranking, consent,
login check)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.consents import Consents
from assistant.errors import AssistantError
from assistant.login import LoginResult
from assistant.login.chosen import check_chosen
from assistant.probe import ProbeOptions, ProbeReport, run_probe
from assistant.probe.choose import ChosenServers, Ranking, propose
from assistant.profile_trust import LoadedProfile
from assistant.settings import Protocol, parse_email
from tests.testbed import Testbed
from tests.testbed.ca import CertPair, TestCA

EVIL_NAMES = ["mail.evil.example", "mx.evil.example", "imap.evil.example",
              "autoconfig.evil.example"]


@pytest.fixture(scope="session")
def evil_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    return TestCA(Path(tmp_path_factory.mktemp("evil-ca")), "Public CA the attacker bought from")


@pytest.fixture(scope="session")
def evil_cert(evil_ca: TestCA) -> CertPair:
    return evil_ca.issue("evil", EVIL_NAMES)


@pytest.fixture(scope="session")
def ca_bundle(testbed: Testbed, evil_ca: TestCA,
              tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Both CAs, as a system store would hold both: the attacker's names verify."""
    bundle = Path(tmp_path_factory.mktemp("bundle")) / "bundle.pem"
    bundle.write_text(testbed.ca_file.read_text() + evil_ca.cert.read_text())
    return bundle


@dataclass
class MemberRun:
    report: ProbeReport
    chosen: ChosenServers
    results: list[LoginResult]
    stopped: AssistantError | None  # the login check refused: a question was not answered


def member_login(email: str, password: str, *, dns: str, ca_file: Path,
                 loaded: LoadedProfile | None = None, consents: Consents | None = None,
                 wanted: Protocol | None = None) -> MemberRun:
    """What the wizard does after the profile page: probe, choose, check the login."""
    address = parse_email(email)
    report = run_probe(address, ProbeOptions(
        dns_server=dns, ca_file=ca_file, timeout=15,
        profile=None if loaded is None else loaded.profile,
        profile_trusted=True if loaded is None else loaded.trusted))
    ranking = Ranking.of(None if loaded is None else loaded.profile,
                         True if loaded is None else loaded.trusted,
                         wanted=wanted, consents=consents)
    chosen = propose(report.endpoints, ranking)
    try:
        results = check_chosen(chosen, address.ascii, password, ca_file=ca_file,
                               dns_server=dns, timeout=15)
    except AssistantError as stop:
        return MemberRun(report, chosen, [], stop)
    return MemberRun(report, chosen, results, None)
