"""The wizard's page order as a table, and its buttons as a function of each page's state
(Qt-free, unit-tested without Qt).

``QWizard.nextId()`` only calls :func:`next_page`, which reads :data:`NAVMAP`: each page's
usual successor and the exceptions to it, as data a test can walk (like Electrum's navmap).
Every page reports a :class:`PageStatus`; :func:`buttons_for` is the one place that turns it
into what its buttons allow.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from assistant.gui.state import LoginOutcome, WizardState
from assistant.settings import Protocol


class Page(IntEnum):
    """Page ids in default order; the numbers are also the screenshots' ``NN``.

    The account page comes first, with the welcome's intro, language and shared-PC mode on
    it: Thunderbird's own account hub starts with the address too, and a church profile that
    offers only IMAP then needs no page before it."""

    ACCOUNT = 1
    PROTOCOL = 2
    SERVER = 3
    LOGIN = 4
    CLIENT = 5
    DONE = 6
    TRUST = 7  # after the account page, when the profile needs a decision


def protocol_choice_offered(state: WizardState) -> bool:
    """The POP/IMAP page is skipped when the loaded profile offers only one protocol."""
    return len(state.offered_protocols()) > 1


Condition = Callable[[WizardState], bool]


@dataclass(frozen=True)
class Route:
    """Where Next leads from a page: the first branch whose condition holds, else ``then``
    (None: the wizard ends)."""

    then: Page | None
    branches: tuple[tuple[Condition, Page], ...] = ()


def _password_refused(state: WizardState) -> bool:
    return state.login_outcome is LoginOutcome.WRONG_PASSWORD


def _retrying_login(state: WizardState) -> bool:
    """Only the password was refused: the server check still holds."""
    return state.retry_login and state.servers_checked()


def _profile_needs_decision(state: WizardState) -> bool:
    """The profile cannot be used for this address, or it is not the church's word and the
    member has not confirmed it (assistant.profile_trust.check_profile)."""
    verdict = state.profile_verdict()
    return verdict is not None and bool(
        verdict.refusals or (verdict.question is not None and not state.profile_accepted))


def _no_protocol_choice(state: WizardState) -> bool:
    return not protocol_choice_offered(state)


NAVMAP: dict[Page, Route] = {
    Page.ACCOUNT: Route(Page.PROTOCOL, ((_retrying_login, Page.LOGIN),
                                        (_profile_needs_decision, Page.TRUST),
                                        (_no_protocol_choice, Page.SERVER))),
    # The profile decides which protocols are offered: the choice waits for its trust.
    Page.TRUST: Route(Page.PROTOCOL, ((_no_protocol_choice, Page.SERVER),)),
    Page.PROTOCOL: Route(Page.SERVER),
    Page.SERVER: Route(Page.LOGIN),
    Page.LOGIN: Route(Page.CLIENT, ((_password_refused, Page.ACCOUNT),)),
    Page.CLIENT: Route(Page.DONE),
    Page.DONE: Route(None),
}


def next_page(page: Page, state: WizardState) -> Page | None:
    """The page after ``page`` (None: the wizard ends)."""
    route = NAVMAP[page]
    return next((target for holds, target in route.branches if holds(state)), route.then)


@dataclass(frozen=True)
class PageStatus:
    """What a page reports about itself; ``missing``: why Next waits, in the member's words."""

    valid: bool = True
    busy: bool = False
    error: bool = False
    missing: str = ""


@dataclass(frozen=True)
class Buttons:
    """What the page's buttons allow: Next, the check's Stop and Check again, and the line
    under a greyed Next saying what is missing."""

    next: bool
    stop: bool
    retry: bool
    hint: str


def buttons_for(status: PageStatus) -> Buttons:
    """The one rule for every page: Next once valid and idle; Stop while busy; Check again
    once idle; a greyed Next always says why."""
    forward = status.valid and not status.busy and not status.error
    return Buttons(next=forward, stop=status.busy, retry=not status.busy,
                   hint="" if forward or status.busy else status.missing)


def first_page(state: WizardState) -> Page:
    del state  # every path starts at the account page (language and PC mode are shown there)
    return Page.ACCOUNT


def path(state: WizardState) -> list[Page]:
    """Every page the current state leads through, in order (for tests and the progress line)."""
    pages = [first_page(state)]
    while (after := next_page(pages[-1], state)) is not None and after not in pages:
        pages.append(after)
    return pages


def effective_protocol(state: WizardState) -> Protocol:
    """On a shared church PC only IMAP: POP would move the mail into that one PC."""
    offered = state.offered_protocols()
    if state.shared_pc and Protocol.IMAP in offered:
        return Protocol.IMAP
    return state.protocol if state.protocol in offered else offered[0]
