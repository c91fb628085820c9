"""メール設定アシスタント: sets up a church member's mail account in Thunderbird or Outlook."""

__version__ = "0.1.0"
APP_NAME = "mail-assistant"
