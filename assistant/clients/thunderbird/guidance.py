"""What the member will see once Thunderbird opens, in sentences for the done page.

Every Thunderbird label in them comes from :mod:`assistant.clients.thunderbird.labels`
(checked against Thunderbird's own language packs), in the member's language.
"""

from __future__ import annotations

import sys

from assistant.clients.thunderbird import labels
from assistant.messages import text


def thunderbird_guidance(lang: str, *, password_saved: bool, shared_pc: bool,
                         smtp_host: str, member: str | None = None,
                         platform: str = sys.platform) -> list[str]:
    """The sentences beside 「Thunderbird を開く」: nothing to answer when the password was
    stored; on a shared PC the chooser and 「パスワードは保存しないでください」; always how to
    quit (≡ → 終了, or the window's ×)."""
    def say(code: str, **params: str) -> str:
        return text(code, lang, **params)

    checkbox = labels.REMEMBER_PASSWORD.text(lang)
    lines = []
    if shared_pc:
        lines.append(say("tb_guide.shared_chooser", title=labels.PROFILE_CHOOSER_TITLE.text(lang),
                         name=member or "", start=labels.PROFILE_CHOOSER_START.text(lang)))
        lines.append(say("tb_guide.shared_password", checkbox=checkbox))
        lines.append(say("tb_guide.smtp_prompt",
                         title=labels.SMTP_PASSWORD_TITLE.text(lang, host=smtp_host)))
    elif password_saved:
        lines.append(say("tb_guide.nothing_asked"))
    else:
        lines.append(say("tb_guide.password_prompt", checkbox=checkbox))
        lines.append(say("tb_guide.smtp_prompt",
                         title=labels.SMTP_PASSWORD_TITLE.text(lang, host=smtp_host)))
    lines.append(say("tb_guide.quit", quit=labels.quit_label(platform).text(lang)))
    return lines
