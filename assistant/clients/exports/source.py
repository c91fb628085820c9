"""One model every export is written from: an account, or a church profile (address optional).

A profile exported for the church's web server has no member address; formats that can say
"the member's address" (autoconfig placeholders, Apple's prompt) do so, the others ask for one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.errors import ValidationError
from assistant.profile_model import Contact, SettingsProfile, in_language
from assistant.settings import (
    Account,
    EmailAddress,
    LoginRule,
    PopOptions,
    Server,
    login_for,
)


@dataclass(frozen=True)
class ExportSettings:
    """Servers in preference order plus, when known, the member's address, name and login."""

    domains: tuple[str, ...]
    incoming: tuple[Server, ...]
    outgoing: tuple[Server, ...]
    login_rule: LoginRule
    email: EmailAddress | None = None
    display_name: str = ""
    login: str | None = None  # typed or given by an account; None: follow login_rule
    organisation_ja: str = ""
    organisation_en: str = ""
    contact: Contact = field(default_factory=Contact)
    notes_ja: str = ""
    notes_en: str = ""
    pop: PopOptions = field(default_factory=PopOptions)

    @classmethod
    def from_account(cls, account: Account,
                     profile: SettingsProfile | None = None) -> ExportSettings:
        """The account's own servers; organisation and contact from the profile if given."""
        base = cls.from_profile(profile) if profile else None
        return cls(
            domains=(account.email.domain.ascii,),
            incoming=(account.incoming,),
            outgoing=(account.outgoing,),
            login_rule=base.login_rule if base else LoginRule.ADDRESS,
            email=account.email,
            display_name=account.display_name,
            login=account.login_name,
            organisation_ja=base.organisation_ja if base else "",
            organisation_en=base.organisation_en if base else "",
            contact=base.contact if base else Contact(),
            notes_ja=base.notes_ja if base else "",
            notes_en=base.notes_en if base else "",
            pop=account.pop,
        )

    @classmethod
    def from_profile(cls, profile: SettingsProfile, email: EmailAddress | None = None,
                     display_name: str = "", login: str | None = None) -> ExportSettings:
        """The church's servers, the recommended incoming protocol first."""
        recommended = profile.recommended_protocol
        incoming = sorted(profile.incoming, key=lambda s: s.protocol is not recommended)
        return cls(
            domains=tuple(d.ascii for d in profile.domains),
            incoming=tuple(incoming),
            outgoing=profile.outgoing,
            login_rule=profile.login_rule,
            email=email,
            display_name=display_name,
            login=login,
            organisation_ja=profile.organisation_ja,
            organisation_en=profile.organisation_en,
            contact=profile.contact,
            notes_ja=profile.notes_ja,
            notes_en=profile.notes_en,
            pop=_pop_options(profile),
        )

    def organisation(self, lang: str) -> str:
        return in_language(lang, self.organisation_ja, self.organisation_en)

    def notes(self, lang: str) -> str:
        return in_language(lang, self.notes_ja, self.notes_en)

    def login_name(self) -> str | None:
        """The literal login, if known (typed, or the rule applied to a known address)."""
        if self.login is not None:
            return self.login
        return login_for(self.email, self.login_rule) if self.email else None

    def require_email(self, fmt: str) -> EmailAddress:
        if self.email is None:
            raise ValidationError("export.needs_email", field="email", format=fmt)
        return self.email

    def primary_domain(self, fmt: str) -> str:
        """The member's mail domain, else the profile's first; an address is needed otherwise."""
        if self.email is not None:
            return self.email.domain.ascii
        if self.domains:
            return self.domains[0]
        return self.require_email(fmt).domain.ascii

    def first_incoming(self) -> Server:
        if not self.incoming:
            raise ValidationError("export.no_incoming", field="incoming")
        return self.incoming[0]

    def first_outgoing(self) -> Server:
        if not self.outgoing:
            raise ValidationError("export.no_outgoing", field="outgoing")
        return self.outgoing[0]

    def account(self, fmt: str) -> Account:
        """A full account (Outlook, Thunderbird): needs an address and a login."""
        email = self.require_email(fmt)
        login = self.login_name()
        if login is None:
            raise ValidationError("export.needs_login", field="username", format=fmt)
        return Account(email, self.display_name, login, self.first_incoming(),
                       self.first_outgoing(), self.pop)


def _pop_options(profile: SettingsProfile) -> PopOptions:
    """What the church's profile says about POP's server copy (keep it, unless it asks to
    delete after some days). TRUST adds these profile fields; until then: the default."""
    return PopOptions(leave_on_server=getattr(profile, "pop_leave_on_server", True),
                      delete_after_days=getattr(profile, "pop_delete_after_days", None))
