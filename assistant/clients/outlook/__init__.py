"""Classic Outlook for Windows (2016–365): autodiscover POX + registry, and a PRF file."""

from assistant.clients.outlook.apply import apply_outlook
from assistant.clients.outlook.detect import outlook_installed

__all__ = ["apply_outlook", "outlook_installed"]
