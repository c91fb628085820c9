"""Thunderbird: find the profile, refuse while it runs, merge an account into prefs.js, hand
the proven password and verified pins over to its own stores (handover.py)."""

from assistant.clients.thunderbird.handover import Handover
from assistant.clients.thunderbird.lock import profile_in_use
from assistant.clients.thunderbird.profiles import (
    create_profile,
    find_profile,
    thunderbird_installed,
)
from assistant.clients.thunderbird.user_js import user_js_fragment
from assistant.clients.thunderbird.writer import apply_account

__all__ = ["Handover", "apply_account", "create_profile", "find_profile", "profile_in_use",
           "thunderbird_installed", "user_js_fragment"]
