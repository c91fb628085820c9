"""Messages of the login check (IMAP/POP3 login, SMTP AUTH): what happened, what to do next."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- success -------------------------------------------------------------------------
    "login.ok_imap": (
        "ログインできました（IMAP、{mechanism}）。受信トレイに {count} 通のメールがあります。",
        "Login succeeded (IMAP, {mechanism}). The inbox holds {count} messages.",
    ),
    "login.ok_pop3": (
        "ログインできました（POP、{mechanism}）。受信トレイに {count} 通のメールがあります。",
        "Login succeeded (POP, {mechanism}). The inbox holds {count} messages.",
    ),
    "login.ok_uncounted": (
        "ログインできました（{protocol}、{mechanism}）。",
        "Login succeeded ({protocol}, {mechanism}).",
    ),
    "login.ok_smtp": (
        "送信サーバーの認証（SMTP AUTH、{mechanism}）に成功しました。"
        "確認のためのメールは送信していません。",
        "The outgoing server accepted the login (SMTP AUTH, {mechanism}). "
        "No message was sent.",
    ),
    # --- notes shown with a result -------------------------------------------------------
    "login.note_pop_inbox_only": (
        "POP で読めるのは受信トレイ（標準のメールボックス）のメールだけです。"
        "ほかのフォルダーに分類したメールは POP では見えません。"
        "パソコンを共同で使う場合や、WebMail と併用する場合は IMAP をお勧めします。",
        "POP sees only the inbox (the standard mailbox); mail filed into other folders is "
        "invisible to POP. On a shared PC, or together with WebMail, IMAP is recommended.",
    ),
    "login.note_certificate_pinned": (
        "サーバーの証明書は検証できませんでしたが、指定された指紋（SHA-256 {fingerprint}）"
        "と一致したため信頼しました。",
        "The server's certificate could not be verified, but it matches the fingerprint you "
        "gave (SHA-256 {fingerprint}), so it was trusted.",
    ),
    "login.note_plaintext_used": (
        "指示どおり、パスワードを暗号化せずに送りました。同じネットワークの第三者に"
        "読まれるおそれがあります。サーバーが暗号化に対応したら設定を変えてください。",
        "As you allowed, the password was sent without encryption; anyone on the same network "
        "could read it. Switch to an encrypted connection as soon as the server offers one.",
    ),
    # --- failures ------------------------------------------------------------------------
    "login.wrong_credentials": (
        "ログイン名「{login}」またはパスワードが正しくありません。"
        "大文字・小文字、Caps Lock、全角/半角（日本語入力がオフか）を確かめて、"
        "もう一度入力してください。分からない場合は管理者にパスワードの再設定を"
        "依頼してください。（サーバーの応答: {detail}）",
        "The login name '{login}' or the password is not correct. Check upper/lower case, "
        "Caps Lock and that Japanese input is off, then type it again. If it still fails, ask "
        "the administrator to reset the password. (Server said: {detail})",
    ),
    "login.wrong_credentials_suggest": (
        "ログイン名「{login}」またはパスワードが正しくありません。このサーバーでは"
        "ログイン名が「@」より前の部分だけかもしれません。ログイン名を「{suggestion}」に"
        "して、もう一度確認してください。（サーバーの応答: {detail}）",
        "The login name '{login}' or the password is not correct. This server may expect only "
        "the part before '@' as the login name: try again with the login name "
        "'{suggestion}'. (Server said: {detail})",
    ),
    "login.auth_not_offered": (
        "このサーバー（{host}:{port}）は、パスワードでログインする方法を提供していません"
        "（提示された方法: {offered}）。ポート番号と暗号化の設定を確かめるか、"
        "管理者に問い合わせてください。",
        "This server ({host}:{port}) offers no way to log in with a password (it offered: "
        "{offered}). Check the port and security settings, or ask the administrator.",
    ),
    "login.utf8_login_unsupported": (
        "パスワードに英数字以外の文字が含まれていますが、このサーバーはそのようなパスワードを"
        "送る方法（AUTHENTICATE PLAIN）を提供していません。管理者に問い合わせてください。",
        "The password contains non-ASCII characters, but this server offers no way to send "
        "such a password (AUTHENTICATE PLAIN). Please ask the administrator.",
    ),
    "login.smtp_no_auth": (
        "送信サーバー（{host}:{port}）は SMTP 認証（SMTP AUTH）を提供していません。"
        "このアシスタントは SMTP AUTH を設定します。古い「POP before SMTP」は、"
        "受信で認証が済んだ「パソコン（ホスト）」からの送信を数分間そのまま受け付ける方式で、"
        "利用者本人を確かめません。インターネットカフェで前の人の認証が残っていたり、"
        "ダイヤルアップで同じ IP アドレスが別の人に割り当てられたりすると、"
        "他人がこのサーバーから送信できてしまいます。ポート 587（STARTTLS）または 465（TLS）"
        "を指定するか、管理者に SMTP AUTH の設定を依頼してください。",
        "The outgoing server ({host}:{port}) offers no SMTP authentication (SMTP AUTH). This "
        "assistant sets up SMTP AUTH. The old 'POP before SMTP' accepts mail for several "
        "minutes from a computer (a host) that has just collected mail, without knowing who "
        "the user is: in an internet café the next person inherits the previous one's login, "
        "and with dial-up the same IP address may be given to someone else who can then send "
        "through this server. Use port 587 (STARTTLS) or 465 (TLS), or ask the administrator "
        "to enable SMTP AUTH.",
    ),
    "login.plaintext_refused": (
        "この接続は暗号化されていないため、パスワードを送りませんでした。"
        "同じネットワークの第三者にパスワードを読まれるおそれがあるからです。"
        "暗号化（TLS または STARTTLS）を使う設定にしてください。"
        "どうしても暗号化なしで確認する場合は、危険を理解したうえで明示的に許可してください"
        "（--allow-plaintext）。",
        "The connection is not encrypted, so the password was not sent: anyone on the same "
        "network could read it. Use an encrypted setting (TLS or STARTTLS). To test without "
        "encryption anyway, allow it explicitly once you understand the risk "
        "(--allow-plaintext).",
    ),
    "login.plaintext_refused_starttls": (
        "この接続は暗号化されていないため、パスワードを送りませんでした。"
        "このサーバーは STARTTLS による暗号化に対応しています。"
        "暗号化の設定を「STARTTLS」にして、もう一度確認してください。",
        "The connection is not encrypted, so the password was not sent. This server supports "
        "encryption with STARTTLS: set the security to STARTTLS and check again.",
    ),
    "login.tls_required": (
        "サーバーが、暗号化されていない接続でのログインを拒否しました（サーバーの応答: "
        "{detail}）。暗号化の設定を「TLS」または「STARTTLS」にしてください。",
        "The server refuses logins over an unencrypted connection (server said: {detail}). "
        "Set the security to TLS or STARTTLS.",
    ),
    "login.tls_required_found": (
        "このサーバーは、暗号化（STARTTLS）に切り替えた後でしかログインの方法（{offered}）を"
        "示しません（パスワードを送らずに確かめました）。暗号化の設定を「STARTTLS」または"
        "「TLS」にしてください。",
        "This server offers a way to log in ({offered}) only after switching to encryption "
        "(STARTTLS); this was checked without sending the password. Set the security to "
        "STARTTLS or TLS.",
    ),
    "login.starttls_downgrade": (
        "STARTTLS で暗号化する設定ですが、サーバーが暗号化の開始に応じませんでした"
        "（{detail}）。途中の機器が暗号化を妨害している（ダウングレード攻撃）おそれも"
        "あるため、パスワードは送っていません。別のネットワークで試すか、"
        "ポート 993/995/465（TLS）を試すか、管理者に問い合わせてください。",
        "The settings say STARTTLS, but the server did not start encryption ({detail}). "
        "Something on the way may be stripping encryption (a downgrade attack), so the "
        "password was not sent. Try another network, or the TLS ports 993/995/465, or ask "
        "the administrator.",
    ),
    "login.certificate_invalid": (
        "サーバーの証明書を確認できませんでした（{detail}）。"
        "なりすましのおそれがあるため、パスワードは送っていません。"
        "証明書の指紋は SHA-256 {fingerprint} です。管理者から知らされた指紋と一致する場合に"
        "限り、その指紋を指定して信頼できます（--trust-fingerprint）。",
        "The server's certificate could not be verified ({detail}). It could be an impostor, "
        "so the password was not sent. The certificate's fingerprint is SHA-256 {fingerprint}. "
        "Only if it equals the fingerprint the administrator gave you, trust it by giving that "
        "fingerprint (--trust-fingerprint).",
    ),
    "login.fingerprint_mismatch": (
        "サーバーの証明書を確認できず、指定された指紋とも一致しませんでした"
        "（実際の指紋: SHA-256 {fingerprint}）。パスワードは送っていません。"
        "サーバーの証明書が変わったか、別のサーバーにつながっています。管理者に確かめてください。",
        "The server's certificate could not be verified and does not match the fingerprint you "
        "gave (its fingerprint: SHA-256 {fingerprint}). The password was not sent. The "
        "certificate has changed or this is another server: check with the administrator.",
    ),
    "login.tls_error": (
        "暗号化された接続を確立できませんでした（{detail}）。"
        "ポート番号と暗号化の設定（TLS / STARTTLS）の組み合わせを確かめてください。",
        "No encrypted connection could be established ({detail}). Check that the port and the "
        "security setting (TLS / STARTTLS) belong together.",
    ),
    "login.timeout": (
        "サーバー {host}:{port} から {seconds} 秒以内に応答がありませんでした。"
        "インターネット接続、サーバー名、ポート番号を確かめてください。"
        "ファイアウォールが通信を止めていることもあります。",
        "The server {host}:{port} did not answer within {seconds} seconds. Check the internet "
        "connection, the server name and the port; a firewall may be blocking it.",
    ),
    "login.no_greeting": (
        "サーバー {host}:{port} には接続できましたが、{seconds} 秒待ってもあいさつ（最初の応答）"
        "がありませんでした。サーバーが混んでいるか、応答を遅らせる設定です。"
        "ファイアウォールの問題ではありません。しばらくしてからもう一度お試しください。",
        "Connected to {host}:{port}, but the server sent no greeting (its first answer) "
        "within {seconds} seconds. The server is busy or set to answer late; it is not a "
        "firewall. Try again later.",
    ),
    "login.cancelled": ("確認を中止しました。", "The check was cancelled."),
    "login.refused": (
        "サーバー {host}:{port} に接続できませんでした（接続を拒否されました）。"
        "サーバー名とポート番号を確かめてください。",
        "Could not connect to {host}:{port} (connection refused). Check the server name and "
        "the port.",
    ),
    "login.unreachable": (
        "サーバー {host}:{port} に届きませんでした（{detail}）。インターネット接続を"
        "確かめてください。",
        "The server {host}:{port} cannot be reached ({detail}). Check the internet connection.",
    ),
    "login.dns_error": (
        "サーバー名「{host}」が見つかりませんでした（{detail}）。サーバー名のつづりを"
        "確かめてください。",
        "The server name '{host}' was not found ({detail}). Check its spelling.",
    ),
    "login.pop_login_delay": (
        "サーバー {host}:{port} は、同じアカウントへの POP のログインを {seconds} 秒に1回しか"
        "受け付けません。直前に別のメールソフトや端末（またはこの確認）がログインしたためで、"
        "パスワードが違うとは言われていません。{seconds} 秒待ってから、もう一度お試し"
        "ください。（サーバーの応答: {detail}）",
        "The server {host}:{port} accepts a POP login to the same account only once every "
        "{seconds} seconds. Another mail program or device (or a check just before) logged in "
        "moments ago; the server did not say the password is wrong. Wait {seconds} seconds "
        "and try again. (Server said: {detail})",
    ),
    "login.pop_login_delay_unlisted": (
        "サーバー {host}:{port} は、同じアカウントへの POP のログインの間隔が短すぎるとして"
        "断りました。直前に別のメールソフトや端末（またはこの確認）がログインしたためで、"
        "パスワードが違うとは言われていません。数分待ってから、もう一度お試しください。"
        "（サーバーの応答: {detail}）",
        "The server {host}:{port} refused this POP login because the account logged in too "
        "recently (another mail program, a device, or a check just before). The server did "
        "not say the password is wrong. Wait a few minutes and try again. "
        "(Server said: {detail})",
    ),
    "login.protocol_error": (
        "サーバー {host}:{port} の応答が {protocol} として正しくありません（{detail}）。"
        "ポート番号と種類（IMAP / POP / SMTP）の組み合わせを確かめてください。",
        "The server {host}:{port} did not give a valid {protocol} answer ({detail}). Check "
        "that the port belongs to this kind of server (IMAP / POP / SMTP).",
    ),
    # --- bad input on the command line -----------------------------------------------------
    "login.password_empty": (
        "パスワードが空です。標準入力の1行目にパスワードを渡してください。",
        "The password is empty. Give it as the first line of standard input.",
    ),
    "login.password_not_utf8": (
        "標準入力のパスワードが UTF-8 として読めません。",
        "The password on standard input is not valid UTF-8.",
    ),
    "login.password_too_long": (
        "パスワードが長すぎます（{max} バイトまで）。",
        "The password is too long (at most {max} bytes).",
    ),
    "login.bad_fingerprint": (
        "指紋「{value}」は SHA-256 の形式ではありません（16進数 64 桁、コロンは省略可）。",
        "'{value}' is not a SHA-256 fingerprint (64 hex digits, colons optional).",
    ),
    "login.bad_dns_server": (
        "DNS サーバー「{value}」は「IPアドレス[:ポート]」の形式ではありません。",
        "The DNS server '{value}' is not of the form IP[:PORT].",
    ),
    "login.bad_timeout": (
        "待ち時間「{value}」は正の秒数で指定してください。",
        "The timeout '{value}' must be a positive number of seconds.",
    ),
}
