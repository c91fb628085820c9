"""Every Thunderbird 153 label the assistant quotes to a member, in Japanese and English.

The done page tells her exactly what Thunderbird will show, so each text must be Thunderbird's
own. Each label names where Thunderbird keeps it (a Fluent message, a .properties key or a DTD
entity, under ``localization/<locale>/`` or ``chrome/<locale>/locale/<locale>/``); the test
reads every one from Debian's ``thunderbird-l10n-ja`` language pack and from Thunderbird's own
omni.ja (en-US) and compares. Placeholders (``%1$S``) appear here as ``{host}``; the brand name
is resolved to "Thunderbird".
"""

from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Label:
    ja: str
    en: str
    kind: str  # "ftl" | "properties" | "dtd"
    file: str  # path below the locale's root
    key: str  # message id, or "id.attribute" for a Fluent attribute
    platform: str = "other"  # the Fluent PLATFORM() variant

    def text(self, lang: str, **params: str) -> str:
        return (self.en if lang == "en" else self.ja).format(**params)


# The checkbox of Thunderbird's password prompt (unticked by default).
REMEMBER_PASSWORD = Label(
    "パスワードマネージャーを使用してこのパスワードを記憶する",
    "Use Password Manager to remember this password.",
    "ftl", "messenger/msgAuthPrompt.ftl", "remember-password-checkbox-label")
# The title of the prompt at the first send.
SMTP_PASSWORD_TITLE = Label(
    "送信 (SMTP) サーバー {host} のパスワードが必要です",
    "Password Required for Outgoing (SMTP) Server {host}",
    "properties", "messenger/messengercompose/composeMsgs.properties",
    "smtpEnterPasswordPromptTitleWithHostname")
# The ≡ button (no menu bar by default) and the last item of its menu.
APP_MENU_TOOLTIP = Label(
    "Thunderbird のメニューを表示します", "Display the Thunderbird Menu",
    "dtd", "messenger/messenger.dtd", "appmenuButton1.tooltip")
QUIT = Label("終了", "Quit", "ftl", "messenger/menubar.ftl", "menu-quit.label")
QUIT_WINDOWS = Label("終了", "Exit", "ftl", "messenger/menubar.ftl", "menu-quit.label",
                     platform="windows")
# The profile chooser a shared PC shows at every start, and its start button.
PROFILE_CHOOSER_TITLE = Label(
    "Thunderbird - ユーザープロファイルの選択", "Thunderbird - Choose User Profile",
    "ftl", "toolkit/global/profileSelection.ftl", "profile-selection-window.title")
PROFILE_CHOOSER_START = Label(
    "Thunderbird を起動", "Start Thunderbird",
    "ftl", "toolkit/global/profileSelection.ftl", "profile-selection-button-accept.label")
# Thunderbird's own account hub (what members compare us with): pre-ticked.
HUB_REMEMBER_PASSWORD = Label(
    "パスワードを記憶する", "Remember password",
    "ftl", "messenger/accountcreation/accountHub.ftl", "account-hub-remember-password")

ALL: tuple[Label, ...] = (REMEMBER_PASSWORD, SMTP_PASSWORD_TITLE, APP_MENU_TOOLTIP, QUIT,
                          QUIT_WINDOWS, PROFILE_CHOOSER_TITLE, PROFILE_CHOOSER_START,
                          HUB_REMEMBER_PASSWORD)


def quit_label(platform: str = sys.platform) -> Label:
    """≡ → this item closes Thunderbird ("Exit" in English on Windows)."""
    return QUIT_WINDOWS if platform == "win32" else QUIT
