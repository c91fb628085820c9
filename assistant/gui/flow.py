"""The wizard's page order as a pure function of its state (Qt-free, unit-tested without Qt).

``QWizard.nextId()`` only calls :func:`next_page`; keeping the decision here means the order
can be read, and tested, in one place instead of being spread over the page classes.
"""

from __future__ import annotations

from enum import IntEnum

from assistant.gui.state import LoginOutcome, WizardState
from assistant.settings import Protocol


class Page(IntEnum):
    """Page ids in default order; the numbers are also the screenshots' ``NN``."""

    WELCOME = 1
    PROTOCOL = 2
    ACCOUNT = 3
    SERVER = 4
    LOGIN = 5
    CLIENT = 6
    DONE = 7


def protocol_choice_offered(state: WizardState) -> bool:
    """The POP/IMAP page is skipped when the loaded profile offers only one protocol."""
    return len(state.offered_protocols()) > 1


def next_page(page: Page, state: WizardState) -> Page | None:
    """The page after ``page`` (None: the wizard ends)."""
    if page is Page.WELCOME:
        return Page.PROTOCOL if protocol_choice_offered(state) else Page.ACCOUNT
    if page is Page.LOGIN and state.login_outcome is LoginOutcome.WRONG_PASSWORD:
        return Page.ACCOUNT
    if page is Page.ACCOUNT and state.retry_login and state.servers_checked():
        return Page.LOGIN  # only the password was refused: the server check still holds
    following = {
        Page.PROTOCOL: Page.ACCOUNT,
        Page.ACCOUNT: Page.SERVER,
        Page.SERVER: Page.LOGIN,
        Page.LOGIN: Page.CLIENT,
        Page.CLIENT: Page.DONE,
    }
    return following.get(page)


def first_page(state: WizardState) -> Page:
    del state  # every path starts at the welcome page (language and profile are shown there)
    return Page.WELCOME


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
