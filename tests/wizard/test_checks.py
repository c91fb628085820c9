"""The wizard's checks as plain functions over frozen snapshots (no Qt, no network)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from assistant.consents import ConsentReason, Pin
from assistant.errors import Problem
from assistant.gui.state import WizardState
from assistant.login.result import LoginResult
from assistant.net.tls import TlsInfo
from assistant.probe.choose import ChosenServers
from assistant.probe.model import EndpointResult, ProbeEvent, ProbeReport, Recommendation
from assistant.secret import Secret
from assistant.settings import Protocol, Security, parse_email
from assistant.wizard.checks import (
    CertificateQuestion,
    ConsentQuestion,
    LoginCheckInput,
    PlaintextQuestion,
    Question,
    ServerCheckInput,
    run_login_check,
    run_server_check,
)

FINGERPRINT = "AB" * 32


class Recorder:
    """Hooks that record progress and answer every question with ``answer``."""

    def __init__(self, answer: bool) -> None:
        self.cancel = threading.Event()
        self.answer = answer
        self.items: list[object] = []
        self.questions: list[Question] = []

    def progress(self, item: object) -> None:
        self.items.append(item)

    def ask(self, question: Question) -> bool:
        self.questions.append(question)
        return self.answer


def ok(protocol: Protocol, port: int, host: str = "mail.example.jp",
       **fields: object) -> EndpointResult:
    return EndpointResult(protocol, host, port, Security.TLS, "ok",
                          auth_mechanisms=["PLAIN"], **fields)  # type: ignore[arg-type]


def state_with_servers() -> WizardState:
    incoming = self_signed(Protocol.IMAP, 993)
    outgoing = ok(Protocol.SMTP, 465)
    chosen = ChosenServers(incoming, outgoing, pins=(Pin("mail.example.jp", 993, FINGERPRINT),))
    return WizardState(email=parse_email("taro@example.jp"), login_name="taro@example.jp",
                       password=Secret("pw-123456"), chosen=chosen,
                       incoming=incoming.to_server(), outgoing=outgoing.to_server())


def test_the_login_check_sends_the_snapshot_not_what_was_typed_afterwards() -> None:
    state = state_with_servers()
    check = state.login_check_input()
    state.password = Secret("typed-later")
    state.login_name = "someone-else"
    seen: list[tuple[str, str, int]] = []

    def log_in(snapshot: LoginCheckInput, endpoint: EndpointResult,
               cancel: threading.Event) -> LoginResult:
        assert isinstance(snapshot.password, Secret)
        seen.append((snapshot.login, snapshot.password.reveal(), endpoint.port))
        return LoginResult("ok", Problem("login.ok"), endpoint.to_server(), snapshot.login)

    steps = run_login_check(check, Recorder(True), log_in)
    assert steps is not None and [s.role for s in steps] == ["incoming", "outgoing"]
    assert seen == [("taro@example.jp", "pw-123456", 993), ("taro@example.jp", "pw-123456", 465)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        check.login = "x"  # type: ignore[misc]
    assert "pw-123456" not in repr(check)


def test_a_refused_incoming_login_stops_before_sending() -> None:
    check = state_with_servers().login_check_input()

    def refuse(snapshot: LoginCheckInput, endpoint: EndpointResult,
               cancel: threading.Event) -> LoginResult:
        return LoginResult("wrong_credentials", Problem("login.wrong_credentials"),
                           endpoint.to_server(), snapshot.login)

    steps = run_login_check(check, Recorder(True), refuse)
    assert steps is not None and [s.role for s in steps] == ["incoming"]


def test_the_real_login_refuses_while_a_consent_is_missing() -> None:
    """The core's guard: a chosen server that still needs the member's yes gets nothing."""
    from assistant.consents import ConsentReason
    from assistant.errors import AssistantError
    from assistant.probe.choose import ConsentRequest
    from assistant.wizard.checks import log_in

    state = state_with_servers()
    request = ConsentRequest("mail.example.jp", "mail.example.jp",
                             ConsentReason.HTTP_AUTOCONFIG, Protocol.IMAP, 993)
    state.chosen = dataclasses.replace(state.chosen, consents_needed=(request,))
    check = state.login_check_input()
    with pytest.raises(AssistantError) as refused:
        log_in(check, check.chosen.incoming, threading.Event())
    assert refused.value.code == "consent.required"


def probe_check() -> ServerCheckInput:
    state = WizardState(email=parse_email("taro@example.jp"))
    return state.server_check_input(Protocol.IMAP)


def fake_probe(*endpoints: EndpointResult):  # type: ignore[no-untyped-def]
    def probe(check: ServerCheckInput, on_event: object, cancel: threading.Event) -> ProbeReport:
        for endpoint in endpoints:
            assert callable(on_event)
            on_event(ProbeEvent("endpoint_done", endpoint=endpoint))
        return ProbeReport(check.email, check.email.domain.ascii, 1, [], list(endpoints),
                           Recommendation())
    return probe


def self_signed(protocol: Protocol, port: int) -> EndpointResult:
    tls = TlsInfo("TLSv1.3", False, "self-signed certificate", FINGERPRINT)
    return EndpointResult(protocol, "mail.example.jp", port, Security.TLS,
                          "certificate_invalid", tls=tls)


@pytest.mark.parametrize("answer", [True, False])
def test_an_unverified_certificate_is_asked_once_and_pinned_only_on_yes(answer: bool) -> None:
    hooks = Recorder(answer)
    outcome = run_server_check(probe_check(), hooks, fake_probe(
        self_signed(Protocol.IMAP, 993), self_signed(Protocol.SMTP, 465)))
    assert outcome is not None
    assert hooks.questions == [CertificateQuestion("mail.example.jp", 993, FINGERPRINT,
                                                   "self-signed certificate")]
    assert len(hooks.items) == 2
    if answer:
        assert outcome.declined is None and outcome.chosen.ready
        assert {(p.host, p.port) for p in outcome.chosen.pins} == {
            ("mail.example.jp", 993), ("mail.example.jp", 465)}
    else:
        assert outcome.declined == "certificate"


def test_a_server_without_encryption_needs_a_yes() -> None:
    plain = [EndpointResult(p, "old.example.jp", port, Security.NONE, "ok",
                            auth_mechanisms=["PLAIN"])
             for p, port in ((Protocol.IMAP, 143), (Protocol.SMTP, 25))]
    hooks = Recorder(False)
    outcome = run_server_check(probe_check(), hooks, fake_probe(*plain))
    assert outcome is not None and outcome.declined == "plaintext"
    assert hooks.questions == [PlaintextQuestion(("old.example.jp:143", "old.example.jp:25"))]
    assert not outcome.allow_plaintext


@pytest.mark.parametrize(("statuses", "why"), [
    (["dns_error", "dns_error"], "domain_not_found"),
    ([], "domain_not_found"),
    (["timeout", "refused", "dns_error"], "not_answering"),
    (["unreachable"], "not_answering"),
    (["protocol_error", "timeout"], "no_mail_server"),
])
def test_why_no_server_was_found(statuses: list[str], why: str) -> None:
    from assistant.wizard.checks import why_not_found

    endpoints = [EndpointResult(Protocol.IMAP, "mail.example.jp", 993, Security.TLS, s)
                 for s in statuses]
    report = ProbeReport(parse_email("taro@example.jp"), "example.jp", 1, [], endpoints,
                         Recommendation())
    assert why_not_found(report) == why


@pytest.mark.parametrize(("incoming", "why"), [
    (["refused", "timeout"], "not_answering"),
    (["dns_error", "refused"], "not_answering"),
    (["dns_error"], "no_mail_server"),
    (["protocol_error", "refused"], "no_mail_server"),
])
def test_a_silent_incoming_server_is_the_church_s_even_when_smtp_answers(
        incoming: list[str], why: str) -> None:
    """The member reads her mail from the incoming server: all of it silent means "call the
    church", not "check your address", whatever the SMTP server did."""
    from assistant.wizard.checks import why_not_found

    endpoints = [EndpointResult(Protocol.IMAP, "mail.example.jp", 993, Security.TLS, s)
                 for s in incoming]
    endpoints.append(EndpointResult(Protocol.SMTP, "mail.example.jp", 465, Security.TLS, "ok"))
    report = ProbeReport(parse_email("taro@example.jp"), "example.jp", 1, [], endpoints,
                         Recommendation())
    assert why_not_found(report) == why


@pytest.mark.parametrize("answer", [True, False])
def test_a_host_from_an_untrusted_source_is_asked_about_before_anything_is_sent(
        answer: bool) -> None:
    """An http autoconfig names the only servers: one blocking question per host, naming it;
    no is the safe answer and leaves nothing chosen to log in to."""
    untrusted = {"trusted_source": False, "consent_reason": ConsentReason.HTTP_AUTOCONFIG}
    hooks = Recorder(answer)
    outcome = run_server_check(probe_check(), hooks, fake_probe(
        ok(Protocol.IMAP, 993, "mail.elsewhere.example", **untrusted),
        ok(Protocol.SMTP, 465, "mail.elsewhere.example", **untrusted)))
    assert outcome is not None
    assert [type(q) for q in hooks.questions] == [ConsentQuestion]
    question = hooks.questions[0]
    assert isinstance(question, ConsentQuestion)
    assert question.request.host == "mail.elsewhere.example"
    assert question.request.reason is ConsentReason.HTTP_AUTOCONFIG
    if answer:
        assert outcome.declined is None and outcome.chosen.ready
    else:
        assert outcome.declined == "consent" and not outcome.chosen.ready
