"""Messages about autoconfig files as Thunderbird reads them (`check-autoconfig`, probe sources).

Readers are church admins checking the file they publish: each sentence says what Thunderbird
does with the file and what to change.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "autoconfig.unknown_encoding": (
        "自動設定ファイルの文字コード「{encoding}」が分かりません。UTF-8 で保存してください。",
        "The autoconfig file's encoding '{encoding}' is unknown. Save it as UTF-8.",
    ),
    "autoconfig.tb.accepted": (
        "Thunderbird 153 はこのファイルを受け付けます。",
        "Thunderbird 153 accepts this file.",
    ),
    "autoconfig.tb.rejected": (
        "Thunderbird 153 はこのファイルを受け付けません。",
        "Thunderbird 153 does not accept this file.",
    ),
    "autoconfig.tb.content_type": (
        "ウェブサーバーがこのファイルを「{value}」として送っています。Thunderbird は "
        "text/xml か application/xml として送られたファイルしか読みません。"
        "ウェブサーバーの設定で Content-Type を text/xml にしてください。",
        "The web server sends this file as '{value}'. Thunderbird reads only files sent as "
        "text/xml or application/xml: set the Content-Type to text/xml on the web server.",
    ),
    "autoconfig.tb.no_provider": (
        "<clientConfig> の中に <emailProvider> がありません。",
        "There is no <emailProvider> inside <clientConfig>.",
    ),
    "autoconfig.tb.no_domain": (
        "<domain> が1つもないか、正しいドメイン名ではありません（英数字とハイフンのみ）。",
        "There is no <domain>, or none is a valid domain name (ASCII letters, digits, "
        "hyphens).",
    ),
    "autoconfig.tb.host_missing": (
        "{where}: 名前（<emailProvider> の id や <hostname>）がありません。",
        "{where}: the name (<emailProvider>'s id or <hostname>) is missing.",
    ),
    "autoconfig.tb.host_invalid": (
        "{where}: 「{value}」は Thunderbird の読めるホスト名ではありません"
        "（英数字・ハイフン・点のみ。日本語ドメインは xn-- で始まる形で書いてください）。"
        "この設定は使われません。",
        "{where}: '{value}' is not a host name Thunderbird reads (ASCII letters, digits, "
        "hyphens and dots only; write an international name in its xn-- form). This entry "
        "is not used.",
    ),
    "autoconfig.tb.port_invalid": (
        "{where}: ポート「{value}」は 1～65535 の半角数字ではありません。このサーバーは使われ"
        "ません。",
        "{where}: the port '{value}' is not a number from 1 to 65535 in ASCII digits. This "
        "server is not used.",
    ),
    "autoconfig.tb.type_unsupported": (
        "{where}: 種類「{value}」は使えません（受信は imap か pop3、送信は smtp）。"
        "このサーバーは使われません。",
        "{where}: the type '{value}' is not supported (imap or pop3 for incoming, smtp for "
        "outgoing). This server is not used.",
    ),
    "autoconfig.tb.socket_type_invalid": (
        "{where}: <socketType> が SSL、STARTTLS、plain のどれでもありません（{value}。大文字・"
        "小文字も前後の空白も区別されます）。このサーバーは使われません。",
        "{where}: no <socketType> is exactly SSL, STARTTLS or plain ({value}; case and "
        "surrounding spaces count). This server is not used.",
    ),
    "autoconfig.tb.authentication_invalid": (
        "{where}: <authentication> がないか、知られた値（password-cleartext など）では"
        "ありません（{value}。前後の空白も区別されます）。このサーバーは使われません。",
        "{where}: <authentication> is missing or not a known value such as "
        "password-cleartext ({value}; surrounding spaces count). This server is not used.",
    ),
    "autoconfig.tb.oauth2": (
        "{where}: OAuth2 は、Thunderbird が登録済みの大手事業者のサーバーでしか使えません。"
        "このサーバーは使われません（Thunderbird がこの事業者を知っている場合を除く）。",
        "{where}: OAuth2 works only for the large providers registered in Thunderbird. This "
        "server is not used (unless Thunderbird knows this provider).",
    ),
    "autoconfig.tb.username_missing": (
        "{where}: <username> がありません。Thunderbird はログイン名を「undefined」という"
        "文字にしてしまいます。<username>%EMAILADDRESS%</username> などを書いてください。",
        "{where}: <username> is missing. Thunderbird then uses the word 'undefined' as the "
        "login name. Write <username>%EMAILADDRESS%</username> or similar.",
    ),
    "autoconfig.tb.username_changed": (
        "{where}: Thunderbird はログイン名「{value}」を数字や真偽値として読み、「{read}」に"
        "変えてしまいます。",
        "{where}: Thunderbird reads the login name '{value}' as a number or a boolean and "
        "turns it into '{read}'.",
    ),
    "autoconfig.tb.no_incoming": (
        "Thunderbird が使える受信サーバー（<incomingServer>）が1つもないため、ファイル全体が"
        "使われません。",
        "No incoming server (<incomingServer>) is usable by Thunderbird, so the whole file "
        "is rejected.",
    ),
    "autoconfig.tb.no_outgoing": (
        "Thunderbird が使える送信サーバー（<outgoingServer>）が1つもないため、ファイル全体が"
        "使われません（受信だけのファイルは受け付けられません）。",
        "No outgoing server (<outgoingServer>) is usable by Thunderbird, so the whole file is "
        "rejected (a file with incoming servers only is not accepted).",
    ),
    "check_autoconfig.target_empty": (
        "調べるドメイン、メールアドレス、またはファイルを指定してください。",
        "Give the domain, e-mail address or file to check.",
    ),
    "check_autoconfig.not_found": (
        "自動設定ファイルが見つかりませんでした（どの URL も成功の応答 2xx を返しません"
        "でした）。Thunderbird は自動設定を使えません。",
        "No autoconfig file was found (no URL answered with a 2xx success). Thunderbird "
        "cannot configure itself from one.",
    ),
    "check_autoconfig.used": (
        "Thunderbird が読むファイル: {url}（優先順で最初に成功した URL です。これが使えないと、"
        "後の URL は試されません）",
        "The file Thunderbird reads: {url} (the first URL in its order that answered; if it "
        "is unusable, the later ones are not tried)",
    ),
    "check_autoconfig.logins": (
        "ログイン名の書き方: {logins}",
        "Login name as written: {logins}",
    ),
}
