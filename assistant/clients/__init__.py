"""Writers that put a checked account into a mail client (Thunderbird, Outlook)."""
