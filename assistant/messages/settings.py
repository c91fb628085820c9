"""Messages for typed input and the settings model."""

MESSAGES: dict[str, tuple[str, str]] = {
    "email.empty": ("メールアドレスを入力してください。", "Please enter your e-mail address."),
    "email.contains_space": (
        "メールアドレスに空白が入っています: {value}",
        "The e-mail address contains a space: {value}",
    ),
    "email.missing_at": (
        "メールアドレスに「@」がありません（例: taro@example.jp）。",
        "The e-mail address has no '@' (for example taro@example.jp).",
    ),
    "email.several_at": (
        "メールアドレスに「@」が2つ以上あります: {value}",
        "The e-mail address contains more than one '@': {value}",
    ),
    "email.empty_local_part": (
        "「@」の前の部分（ユーザー名）がありません。",
        "The part before '@' (the user name) is missing.",
    ),
    "email.empty_domain": (
        "「@」の後の部分（ドメイン）がありません。",
        "The part after '@' (the domain) is missing.",
    ),
    "email.local_part_not_ascii": (
        "「@」の前には半角の英数字と記号だけが使えます: {value}",
        "Only ASCII letters, digits and symbols may stand before '@': {value}",
    ),
    "email.local_part_too_long": (
        "「@」の前の部分が長すぎます（{max} 文字まで）。",
        "The part before '@' is too long (at most {max} characters).",
    ),
    "email.invalid_local_part": (
        "「@」の前の部分に使えない文字か、続いた・端にある「.」があります: {value}",
        "The part before '@' contains a character that is not allowed, or a misplaced '.': {value}",
    ),
    "email.too_long": (
        "メールアドレスが長すぎます（{max} 文字まで）。",
        "The e-mail address is too long (at most {max} characters).",
    ),
    "domain.empty": ("ドメイン名を入力してください。", "Please enter a domain name."),
    "domain.contains_space": (
        "ドメイン名に空白が入っています: {value}",
        "The domain name contains a space: {value}",
    ),
    "domain.empty_label": (
        "ドメイン名に「.」が続いているか、先頭に「.」があります: {value}",
        "The domain name has two dots in a row or starts with a dot: {value}",
    ),
    "domain.invalid_label": (
        "ドメイン名の区切りの一部が正しくありません"
        "（「-」で始まる・終わる、または長すぎる）: {value}",
        "Part of the domain name is not valid (starts or ends with '-', or is too long): {value}",
    ),
    "domain.invalid": (
        "ドメイン名として正しくありません: {value}",
        "This is not a valid domain name: {value}",
    ),
    "domain.too_long": (
        "ドメイン名が長すぎます（{max} 文字まで）。",
        "The domain name is too long (at most {max} characters).",
    ),
    "domain.not_qualified": (
        "ドメイン名が途中までしかありません（例: example.jp）: {value}",
        "The domain name is incomplete (for example example.jp): {value}",
    ),
    "port.not_a_number": (
        "ポート番号は半角数字で入力してください: {value}",
        "The port must be a number: {value}",
    ),
    "port.out_of_range": (
        "ポート番号は 1 から 65535 までです: {value}",
        "The port must be between 1 and 65535: {value}",
    ),
    "name.control_character": (
        "名前に使えない文字（改行など）が入っています。",
        "The name contains a character that is not allowed (such as a line break).",
    ),
    "name.too_long": (
        "名前が長すぎます（{max} 文字まで）。",
        "The name is too long (at most {max} characters).",
    ),
    "login.empty": ("ログイン名を入力してください。", "Please enter the login name."),
    "login.invalid_character": (
        "ログイン名に空白や使えない文字が入っています。",
        "The login name contains a space or a character that is not allowed.",
    ),
    "login.too_long": (
        "ログイン名が長すぎます（{max} 文字まで）。",
        "The login name is too long (at most {max} characters).",
    ),
    "server.unknown_protocol": (
        "プロトコルは imap、pop3、smtp のどれかです: {value}",
        "The protocol must be imap, pop3 or smtp: {value}",
    ),
    "server.unknown_security": (
        "暗号化の種類は tls、starttls、none のどれかです: {value}",
        "The security must be tls, starttls or none: {value}",
    ),
    "server.unknown_auth": (
        "認証方式が正しくありません: {value}",
        "Unknown authentication method: {value}",
    ),
    "server.bad_spec": (
        "サーバーの指定は「プロトコル:ホスト:ポート:暗号化」の形です"
        "（例: imap:mail.example.jp:993:tls）: {value}",
        "A server is written PROTOCOL:HOST:PORT:SECURITY"
        " (for example imap:mail.example.jp:993:tls): {value}",
    ),
    "pop.days_out_of_range": (
        "サーバーから削除するまでの日数は 1 から {max} 日です。",
        "The number of days before deleting from the server must be 1 to {max}.",
    ),
    "pop.days_without_leave": (
        "「サーバーにメールを残す」がオフのときは、削除までの日数は指定できません。",
        "Days before deletion need 'leave mail on the server' to be on.",
    ),
    "account.incoming_not_incoming": (
        "受信サーバーには imap か pop3 を指定してください（指定: {value}）。",
        "The incoming server must be imap or pop3 (given: {value}).",
    ),
    "account.outgoing_not_smtp": (
        "送信サーバーには smtp を指定してください（指定: {value}）。",
        "The outgoing server must be smtp (given: {value}).",
    ),
}
