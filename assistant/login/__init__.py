"""Login check: IMAP/POP3 login and SMTP AUTH exactly as the mail client will, sending no mail.

``check_login(server, login, password, …) -> LoginResult``; see docs/login.md for the result
codes and the security rules (the password is a :class:`Secret` from input to the wire).
"""

from assistant.login.check import check_login
from assistant.login.result import RESULTS, LoginResult
from assistant.secret import Secret

__all__ = ["RESULTS", "LoginResult", "Secret", "check_login"]
