"""The printable settings sheet (one A4 page, Japanese or English) as HTML.

Everything a person types into a mail client — new Outlook, a phone, a volunteer's notes — with
the security written in the words of Outlook's and Thunderbird's own dialogs. Never the
password: the sheet has a line saying the member writes nothing there. Every value goes
through ``html.escape``. The same HTML is shown in a browser and rendered to PDF by Qt
(:mod:`assistant.gui.sheet_pdf`), so it keeps to what Qt's rich-text engine supports.
"""

from __future__ import annotations

from html import escape

from assistant.clients.exports.source import ExportSettings
from assistant.clients.exports.values import checked
from assistant.errors import ValidationError
from assistant.messages import text
from assistant.settings import AuthMethod, LoginRule, Protocol, Security, Server, parse_domain

_SECURITY_WORD = {Security.TLS: "SSL/TLS", Security.STARTTLS: "STARTTLS"}
_PROTOCOL_NAME = {Protocol.IMAP: "IMAP", Protocol.POP3: "POP", Protocol.SMTP: "SMTP"}

_CSS = """
body { font-family: 'IPAPGothic', 'IPAGothic', 'IPAexGothic', 'Yu Gothic', 'Meiryo', sans-serif;
       font-size: 11pt; color: #000; }
p.org { font-size: 13pt; margin: 0; }
h1 { font-size: 21pt; margin-top: 0; margin-bottom: 6px; }
h2 { font-size: 13.5pt; margin-top: 20px; margin-bottom: 6px; color: #1f3f6f; }
p.lead { margin: 0 0 2pt 0; }
table.grid { border-collapse: collapse; border-color: #8a94a6; }
table.grid td, table.grid th { border: 1px solid #8a94a6; padding: 4px; }
th { background-color: #e8edf5; font-weight: normal; text-align: left; }
td.value { font-size: 14pt; font-weight: bold; }
td.note, p.note { font-size: 9pt; color: #333; }
p.warn { font-weight: bold; color: #8a1c1c; }
p.foot { font-size: 9.5pt; margin-top: 18px; }
"""


def _t(code: str, lang: str, **params: object) -> str:
    return escape(text(code, lang, **params))


def _v(value: str, field: str, *, multiline: bool = False) -> str:
    escaped = escape(checked(value, field, multiline=multiline))
    return escaped.replace("\n", "<br>") if multiline else escaped


def _row(label: str, value: str, note: str | None = "") -> str:
    """Label, value and a hint in the words of the clients' dialogs (note None: no column)."""
    head = f'<tr><th width="27%" valign="middle">{label}</th>'
    if note is None:
        return f'{head}<td class="value" valign="middle">{value}</td></tr>'
    return (f'{head}<td class="value" width="35%" valign="middle">{value}</td>'
            f'<td class="note" valign="middle">{note}</td></tr>')


def _security(server: Server, lang: str) -> str:
    """The word both clients' dialogs show: SSL/TLS, STARTTLS, or none ("なし")."""
    return _SECURITY_WORD.get(server.security) or text("sheet.security_none", lang)


def _server_rows(server: Server, lang: str, settings: ExportSettings) -> list[str]:
    rows = [
        _row(_t("sheet.server_name", lang), _v(server.host_display, "host"),
             _t("sheet.server_name_note", lang, ascii=checked(server.host, "host"))
             if server.host_display != server.host else ""),
        _row(_t("sheet.port", lang), str(server.port)),
        _row(_t("sheet.security", lang), escape(_security(server, lang)),
             "<br>".join(_t(code, lang, word=_security(server, lang)) for code in
                         ("sheet.security_thunderbird", "sheet.security_outlook"))),
    ]
    if server.protocol is Protocol.SMTP:
        if server.auth is AuthMethod.NONE:
            rows.append(_row(_t("sheet.smtp_auth", lang), _t("sheet.no", lang)))
        else:
            rows.append(_row(_t("sheet.smtp_auth", lang), _t("sheet.yes", lang),
                             _t("sheet.smtp_auth_note", lang)))
    else:
        method = ("sheet.auth_encrypted" if server.auth is AuthMethod.PASSWORD_ENCRYPTED
                  else "sheet.auth_normal")
        rows.append(_row(_t("sheet.auth", lang), _t(method, lang), _t("sheet.spa_note", lang)))
    if server.protocol is Protocol.POP3:
        days = settings.pop.delete_after_days
        leave = (_t("sheet.pop_leave_days", lang, days=days) if days
                 else _t("sheet.yes", lang)) if settings.pop.leave_on_server \
            else _t("sheet.no", lang)
        note = _t("sheet.pop_leave_note", lang)
        if settings.pop.leave_on_server and not days:
            note += "<br>" + _t("sheet.pop_no_delete_note", lang)
        rows.append(_row(_t("sheet.pop_leave", lang), leave, note))
    return rows


def _login_cell(settings: ExportSettings, lang: str) -> str:
    login = settings.login_name()
    if login is not None:
        shown = _unicode_login(login)
        if shown == login:
            return _v(login, "login")
        # An IDN login in the form people read, and the ASCII form a client may need.
        return (_v(shown, "login") + '<br><span class="note">'
                + _t("sheet.server_name_note", lang, ascii=checked(login, "login"))
                + "</span>")
    rule = {LoginRule.ADDRESS: "sheet.login_is_address",
            LoginRule.LOCAL_PART: "sheet.login_is_local_part",
            LoginRule.ASK: "sheet.login_ask"}[settings.login_rule]
    return _t(rule, lang)


def _table(rows: list[str]) -> str:
    return ('<table class="grid" width="100%" cellspacing="0" cellpadding="4">'
            + "".join(rows) + "</table>")


def _alternatives(settings: ExportSettings, lang: str) -> str:
    others = [*settings.incoming[1:], *settings.outgoing[1:]]
    if not others:
        return ""
    head = "".join(f"<th>{_t(code, lang)}</th>" for code in
                   ("sheet.kind", "sheet.server_name", "sheet.port", "sheet.security"))
    rows = [f"<tr>{head}</tr>"] + [
        f"<tr><td>{_PROTOCOL_NAME[s.protocol]}</td><td>{_v(s.host_display, 'host')}</td>"
        f"<td>{s.port}</td><td>{escape(_security(s, lang))}</td></tr>" for s in others]
    return f"<h2>{_t('sheet.alternatives', lang)}</h2>" + _table(rows)


def _contact(settings: ExportSettings, lang: str) -> str:
    contact = settings.contact
    rows = []
    organisation = settings.organisation(lang)
    if organisation:
        rows.append(_row(_t("sheet.contact_org", lang), _v(organisation, "organisation"),
                         None))
    for code, value, field in (("sheet.contact_phone", contact.phone, "phone"),
                               ("sheet.contact_email", contact.email, "email"),
                               ("sheet.contact_url", contact.url, "url")):
        if value:
            rows.append(_row(_t(code, lang), _v(value, field), None))
    notes = settings.notes(lang)
    body = _table(rows) if rows else ""
    if notes:
        body += f'<p class="note">{_v(notes, "notes", multiline=True)}</p>'
    return f"<h2>{_t('sheet.help', lang)}</h2>{body}" if body else ""


def sheet_html(settings: ExportSettings, lang: str = "ja") -> str:
    """The complete HTML document of the settings sheet in ``lang``."""
    incoming, outgoing = settings.first_incoming(), settings.first_outgoing()
    organisation = settings.organisation(lang)
    title = _t("sheet.title", lang)
    org_line = f'<p class="org">{_v(organisation, "organisation")}</p>' if organisation else ""
    person = [
        _row(_t("sheet.name", lang),
             _v(settings.display_name, "name") if settings.display_name
             else _t("sheet.name_placeholder", lang)),
        _row(_t("sheet.email", lang),
             _v(settings.email.display, "email") if settings.email
             else _t("sheet.email_placeholder", lang)),
        _row(_t("sheet.login", lang), _login_cell(settings, lang)),
        _row(_t("sheet.password", lang), _t("sheet.password_placeholder", lang),
             _t("sheet.password_note", lang)),
    ]
    kind = _PROTOCOL_NAME[incoming.protocol]
    unencrypted = dict.fromkeys(s.host_display for s in (incoming, outgoing)
                                if s.security is Security.NONE)  # one note per host
    warn = "".join(
        '<p class="warn">'
        + _t("sheet.unencrypted_warning", lang, server=checked(host, "host")) + "</p>"
        for host in unencrypted)
    parts = [
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>',
        f"<style>{_CSS}</style></head><body>",
        org_line,
        f"<h1>{title}</h1>",
        f'<p class="lead">{_t("sheet.lead", lang)}</p>',
        f"<h2>{_t('sheet.section_account', lang)}</h2>", _table(person),
        f"<h2>{_t('sheet.section_incoming', lang, kind=kind)}</h2>",
        _table(_server_rows(incoming, lang, settings)),
        f"<h2>{_t('sheet.section_outgoing', lang)}</h2>",
        _table(_server_rows(outgoing, lang, settings)),
        warn,
        _alternatives(settings, lang),
        _contact(settings, lang),
        f'<p class="foot">{_t("sheet.footer", lang)}</p>',
        "</body></html>\n",
    ]
    return "".join(parts)


def _unicode_login(login: str) -> str:
    """``taro@xn--xkry9kk1bz66a.jp`` as ``taro@教会.jp``; any other login unchanged."""
    local, at, domain = login.rpartition("@")
    if not at or "xn--" not in domain.lower():
        return login
    try:
        return f"{local}@{parse_domain(domain).unicode}"
    except ValidationError:
        return login
