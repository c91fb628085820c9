"""Messages for the export formats and the printed settings sheet."""

MESSAGES: dict[str, tuple[str, str]] = {
    "export.output_invalid": (
        "出力先「{path}」はファイル名ではありません（空、「.」、またはフォルダーです）。",
        "The output '{path}' is not a file name (it is empty, '.', or a folder).",
    ),
    "export.control_character": (
        "「{field}」に改行などの制御文字（{character}）が入っているため、書き出せません。",
        "'{field}' contains a line break or another control character ({character}) and "
        "cannot be written.",
    ),
    "export.value_too_long": (
        "「{field}」の値が長すぎます（{max} 文字まで）。",
        "The value of '{field}' is too long (at most {max} characters).",
    ),
    "export.needs_email": (
        "形式「{format}」にはメールアドレスが必要です。--email で指定してください。",
        "The format '{format}' needs an e-mail address: give it with --email.",
    ),
    "export.needs_login": (
        "形式「{format}」にはログイン名が必要です。--username で指定してください。",
        "The format '{format}' needs the login name: give it with --username.",
    ),
    "export.needs_servers": (
        "--profile でプロファイルを指定するか、--incoming と --outgoing の両方を指定してください。",
        "Give a settings profile with --profile, or both --incoming and --outgoing.",
    ),
    "export.no_incoming": (
        "受信サーバーが1つもありません。",
        "There is no incoming server.",
    ),
    "export.no_outgoing": (
        "送信サーバーが1つもありません。",
        "There is no outgoing server.",
    ),
    "export.pdf_unavailable": (
        "この場所からは設定シートを PDF にできません。.html で書き出してください。",
        "The settings sheet cannot be made into a PDF here; write it as .html instead.",
    ),
    "export.sheet_suffix": (
        "設定シートの出力先は .pdf か .html のファイルにしてください（指定: {suffix}）。",
        "The settings sheet must be written to a .pdf or .html file (given: {suffix}).",
    ),
    "export.unknown_format": (
        "この形式は書き出せません: {format}",
        "Unknown export format: {format}",
    ),
    "export.written": (
        "{format}を書き出しました: {path}",
        "Wrote {format}: {path}",
    ),
    "export.format.profile": ("設定プロファイル", "the settings profile"),
    "export.format.autoconfig": ("自動設定ファイル（Mozilla autoconfig）",
                                 "the Mozilla autoconfig file"),
    "export.format.autodiscover": ("Outlook 用の自動検出ファイル（autodiscover）",
                                   "the Outlook autodiscover file"),
    "export.format.mobileconfig": ("iPhone・iPad・Mac 用の構成プロファイル",
                                   "the Apple configuration profile"),
    "export.format.sheet": ("設定シート", "the settings sheet"),
    "export.format.userjs": ("Thunderbird 用の user.js", "the Thunderbird user.js fragment"),
    "export.mobileconfig_starttls": (
        "Apple の構成プロファイルでは STARTTLS と SSL/TLS を区別できません"
        "（{protocol} ポート {port}）。"
        "暗号化は「SSL を使用」として書き、端末がポート番号で判断します。",
        "An Apple configuration profile cannot tell STARTTLS from SSL/TLS ({protocol} port "
        "{port}): it says \"use SSL\" and the device decides by the port.",
    ),
    "sheet.title": ("メール設定シート", "Mail settings sheet"),
    "sheet.lead": (
        "メールソフト（Outlook、Thunderbird、スマートフォンなど）の設定画面に、"
        "下の値をそのまま入力してください。",
        "Type these values into the settings of your mail program "
        "(Outlook, Thunderbird, a phone or tablet).",
    ),
    "sheet.section_account": ("あなたのアカウント", "Your account"),
    "sheet.name": ("名前（差出人として表示）", "Your name (shown to recipients)"),
    "sheet.name_placeholder": ("（ご自分のお名前）", "(your name)"),
    "sheet.email": ("メールアドレス", "E-mail address"),
    "sheet.email_placeholder": ("（ご自分のメールアドレス）", "(your e-mail address)"),
    "sheet.login": ("ユーザー名（ログイン名）", "User name (login)"),
    "sheet.login_is_address": ("メールアドレスと同じ", "the same as your e-mail address"),
    "sheet.login_is_local_part": (
        "メールアドレスの「@」より前の部分",
        "the part of your e-mail address before '@'",
    ),
    "sheet.login_ask": ("（教会から知らされたユーザー名）", "(the user name the church gave you)"),
    "sheet.password": ("パスワード", "Password"),
    "sheet.password_placeholder": ("（ご自分のパスワード）", "(your own password)"),
    "sheet.password_note": (
        "パスワードはこのシートに書かないでください",
        "Never write the password on this sheet",
    ),
    "sheet.section_incoming": ("受信メールサーバー（{kind}）", "Incoming mail server ({kind})"),
    "sheet.section_outgoing": ("送信メールサーバー（SMTP）", "Outgoing mail server (SMTP)"),
    "sheet.server_name": ("サーバー名", "Server"),
    "sheet.server_name_note": (
        "入力できないときは {ascii}",
        "If it cannot be typed: {ascii}",
    ),
    "sheet.port": ("ポート", "Port"),
    "sheet.security": ("暗号化", "Encryption"),
    "sheet.security_thunderbird": (
        "Thunderbird「接続の保護」: {word}",
        "Thunderbird \"Connection security\": {word}",
    ),
    "sheet.security_outlook": (
        "Outlook「暗号化された接続の種類」: {word}",
        "Outlook \"Use the following type of encrypted connection\": {word}",
    ),
    "sheet.security_none": ("なし", "None"),
    "sheet.auth": ("認証方式", "Authentication"),
    "sheet.auth_normal": ("通常のパスワード認証", "Normal password"),
    "sheet.auth_encrypted": ("暗号化されたパスワード認証", "Encrypted password"),
    "sheet.spa_note": (
        "Outlook「セキュリティで保護されたパスワード認証（SPA）でのログオンが必要」: オフ",
        "Outlook \"Require logon using Secure Password Authentication (SPA)\": off",
    ),
    "sheet.smtp_auth": (
        "送信サーバー（SMTP）は認証が必要",
        "My outgoing server (SMTP) requires authentication",
    ),
    "sheet.smtp_auth_note": (
        "「受信メール サーバーと同じ設定を使用する」",
        "\"Use same settings as my incoming mail server\"",
    ),
    "sheet.yes": ("はい", "Yes"),
    "sheet.no": ("いいえ", "No"),
    "sheet.pop_leave": (
        "サーバーにメッセージのコピーを置く",
        "Leave a copy of messages on the server",
    ),
    "sheet.pop_leave_days": ("はい（{days} 日後に削除）", "Yes (remove after {days} days)"),
    "sheet.pop_leave_note": (
        "WebMail やほかの機器でもメールを読めるように",
        "so that WebMail and other devices still see the mail",
    ),
    "sheet.pop_no_delete_note": (
        "「○日後にサーバーから削除」はオフにしてください。メールソフトによっては最初から"
        "オンです（Thunderbird は 14 日）。オンのままだと、サーバーのメールが消え、WebMail や"
        "ほかの機器で見られなくなります。",
        "Turn off \"remove from server after N days\". Some mail programs switch it on by "
        "themselves (Thunderbird: 14 days); then the server copy disappears and WebMail and "
        "other devices no longer see the mail.",
    ),
    "export.placeholder_in_value": (
        "「{field}」に {placeholder} が含まれています。Thunderbird はこれを自動で置き換えて"
        "しまうため、このままでは書き出せません。",
        "'{field}' contains {placeholder}, which Thunderbird would replace by itself; it "
        "cannot be exported like this.",
    ),
    "sheet.alternatives": ("ほかに使える設定", "Other settings that also work"),
    "sheet.kind": ("種類", "Type"),
    "sheet.unencrypted_warning": (
        "注意: {server} への接続は暗号化されません。",
        "Caution: the connection to {server} is not encrypted.",
    ),
    "sheet.help": ("困ったときの連絡先", "If you need help"),
    "sheet.contact_org": ("連絡先", "Contact"),
    "sheet.contact_phone": ("電話", "Phone"),
    "sheet.contact_email": ("メール", "E-mail"),
    "sheet.contact_url": ("ウェブサイト", "Web site"),
    "sheet.footer": (
        "このシートにパスワードを書き込まないでください。"
        "新しい Outlook、スマートフォン、ボランティアによる設定のためのシートです。",
        "Do not write your password on this sheet. It is for the new Outlook, phones "
        "and volunteers who set up mail by hand.",
    ),
}
