"""Messages for discovery, the probe and the low-level network helpers (assistant.net)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # assistant.net failures (params: detail, and as noted)
    "net.dns_error": (
        "ホスト名を DNS で引けませんでした（{detail}）。",
        "The host name could not be resolved in DNS ({detail}).",
    ),
    "net.refused": (
        "接続を拒否されました（このポートではサービスが動いていません: {detail}）。",
        "The connection was refused (no service on this port: {detail}).",
    ),
    "net.timeout": (
        "時間内に応答がありませんでした（{step}）。ファイアウォールで止められている可能性があります。",
        "No answer in time ({step}). A firewall may be dropping the connection.",
    ),
    "net.no_greeting": (
        "接続はできましたが、サーバーが {seconds} 秒待ってもあいさつ（最初の応答）を返しません"
        "でした。サーバーが混んでいるか、応答を遅らせる設定です。ファイアウォールの問題では"
        "ありません。しばらくしてからもう一度お試しください。",
        "The connection was made, but the server sent no greeting (its first answer) within "
        "{seconds} s. The server is busy or set to answer late; it is not a firewall. Try "
        "again later.",
    ),
    "net.unreachable": (
        "サーバーに到達できません（{detail}）。",
        "The server cannot be reached ({detail}).",
    ),
    "net.tls_error": (
        "暗号化（TLS）の接続に失敗しました（{detail}）。",
        "The encrypted (TLS) connection failed ({detail}).",
    ),
    "net.certificate_invalid": (
        "サーバー証明書を確認できません（{detail}）。SHA-256 指紋: {fingerprint}",
        "The server certificate cannot be verified ({detail}). SHA-256 fingerprint: "
        "{fingerprint}",
    ),
    "net.protocol_error": (
        "サーバーの応答がメールの通信手順に合っていません（{detail}）。",
        "The server's answer does not follow the mail protocol ({detail}).",
    ),
    "net.line_too_long": (
        "サーバーが長すぎる行（{max} バイト超）を送ってきたため中止しました。",
        "Stopped: the server sent a line longer than {max} bytes.",
    ),
    "net.too_much_data": (
        "サーバーが多すぎるデータ（{max} バイト超）を送ってきたため中止しました。",
        "Stopped: the server sent more than {max} bytes.",
    ),
    "net.connection_closed": (
        "サーバーが途中で接続を切りました（{detail}）。",
        "The server closed the connection early ({detail}).",
    ),
    "net.starttls_injection": (
        "STARTTLS の前に余分なデータが届きました（改ざんの恐れがあるため中止）。",
        "Extra data arrived before STARTTLS (stopped: possible tampering).",
    ),
    "net.starttls_not_offered": (
        "サーバーが STARTTLS（暗号化への切り替え）を提供していません。",
        "The server does not offer STARTTLS (switching to encryption).",
    ),
    "net.starttls_refused": (
        "サーバーが STARTTLS を提示したのに拒否しました（ダウングレードの恐れ）: {line}",
        "The server advertised STARTTLS and then refused it (possible downgrade): {line}",
    ),
    "net.bad_greeting": (
        "サーバーの最初のあいさつが正しくありません: {line}",
        "The server's greeting is not valid: {line}",
    ),
    "net.cancelled": ("中止しました。", "Cancelled."),
    "dns_server.invalid": (
        "DNS サーバーの指定が正しくありません: {value}（例: 192.0.2.53 または 192.0.2.53:5353）",
        "Invalid DNS server: {value} (for example 192.0.2.53 or 192.0.2.53:5353)",
    ),
    "fingerprint.invalid": (
        "証明書の指紋の形式が正しくありません（SHA-256 の16進 64 桁）: {value}",
        "Invalid certificate fingerprint (64 hex digits of SHA-256): {value}",
    ),
    "ca_file.unreadable": (
        "CA 証明書ファイル「{path}」を読めません。",
        "Cannot read the CA certificate file '{path}'.",
    ),
    "ca_file.too_large": (
        "CA 証明書ファイル「{path}」が大きすぎます（{max} バイト超）。",
        "The CA certificate file '{path}' is too large (more than {max} bytes).",
    ),
    "ca_file.invalid": (
        "CA 証明書ファイル「{path}」に PEM 形式の証明書が見つかりません。",
        "The CA certificate file '{path}' holds no PEM certificate.",
    ),
    # autoconfig files
    "autoconfig.malformed": (
        "自動設定ファイルの XML が壊れています（{reason}）。",
        "The autoconfig file is not well-formed XML ({reason}).",
    ),
    "autoconfig.dtd_forbidden": (
        "自動設定ファイルに DTD/エンティティ宣言が含まれているため読みません。",
        "The autoconfig file contains a DTD or entity declaration and is refused.",
    ),
    "autoconfig.too_large": (
        "自動設定ファイルが大きすぎます（{max} バイト超）。",
        "The autoconfig file is too large (more than {max} bytes).",
    ),
    "autoconfig.no_provider": (
        "自動設定ファイルに clientConfig/emailProvider がありません。",
        "The autoconfig file has no clientConfig/emailProvider.",
    ),
    "autoconfig.no_servers": (
        "自動設定ファイルに使えるサーバー設定がありません。",
        "The autoconfig file lists no server this assistant can use.",
    ),
    # probe results and warnings
    "probe.timeout_invalid": (
        "--timeout は 0 より大きく {max} 秒以下で指定してください: {value}",
        "--timeout must be more than 0 and at most {max} seconds: {value}",
    ),
    "probe.stopped": (
        "{ms} ミリ秒以内に応答がなかったため、確認を打ち切りました。",
        "No answer within {ms} ms; the check was stopped.",
    ),
    "probe.stopped_no_greeting": (
        "接続はできましたが、{ms} ミリ秒たってもサーバーのあいさつがなかったため、確認を"
        "打ち切りました（ほかのサーバーで設定が決まったためです）。応答の遅いサーバーです。",
        "Connected, but the server had not greeted within {ms} ms; the check was stopped "
        "because other servers already settled the answer. This server answers slowly.",
    ),
    "probe.no_incoming": (
        "受信サーバー（IMAP/POP）が見つかりませんでした。",
        "No incoming server (IMAP/POP) was found.",
    ),
    "probe.no_outgoing": (
        "送信サーバー（SMTP）が見つかりませんでした。",
        "No outgoing server (SMTP) was found.",
    ),
    "probe.no_encryption": (
        "{protocol} {host}:{port} は暗号化されていません。パスワードやメールがそのまま"
        "ネットワークを流れます。",
        "{protocol} {host}:{port} is not encrypted: the password and mail would cross the "
        "network readable by anyone on the way.",
    ),
    "probe.certificate_invalid": (
        "{protocol} {host}:{port} の証明書を確認できません（{error}）。管理者に確認した指紋 "
        "{fingerprint} と一致する場合だけ、この証明書を信頼（固定）してください。",
        "The certificate of {protocol} {host}:{port} cannot be verified ({error}). Trust "
        "(pin) it only if the fingerprint {fingerprint} matches what your administrator "
        "gave you.",
    ),
    "probe.starttls_downgrade": (
        "{protocol} {host}:{port} は STARTTLS を使うと案内されていますが、実際には提供されて"
        "いません（通信経路で暗号化が外されている可能性があります）。この設定は使いません。"
        "管理者に連絡してください。",
        "{protocol} {host}:{port} was declared to use STARTTLS but did not offer it (someone "
        "may be stripping the encryption on the way). It is not used; tell the administrator.",
    ),
    "probe.untrusted_source": (
        "{protocol} {host}:{port} は信頼できない経路（http、ドメイン外の MX や推測）で"
        "見つかりました。使う前に管理者に確認してください。",
        "{protocol} {host}:{port} was found through an untrusted channel (http, or a host "
        "outside your domain found through MX or guessing). Confirm it with your "
        "administrator before using it.",
    ),
    "probe.smtp_no_auth": (
        "送信サーバー {host}:{port} は SMTP 認証（SMTP AUTH）を提供していません。"
        "「POP before SMTP」は時代遅れの方式です。送信を許すのは直前に POP で受信した"
        "「接続元の IP アドレス」であって本人ではないため、インターネットカフェや"
        "使い回されるダイヤルアップのアドレスでは、同じアドレスを後から使う他人も送信できて"
        "しまいます。SMTP AUTH（ポート 465 または 587）を使える送信サーバーを管理者に"
        "確認してください。",
        "The outgoing server {host}:{port} does not offer SMTP authentication (SMTP AUTH). "
        "POP-before-SMTP is obsolete: it authorises the connecting IP address, not the "
        "person, so in an internet café or on a re-used dial-up address whoever gets that "
        "address next can send mail as well. Ask your administrator for an outgoing server "
        "with SMTP AUTH (port 465 or 587).",
    ),
    # human-readable output of `mail-assistant probe`
    "probe.out.heading": ("{email} のメールサーバーを調べました（{ms} ミリ秒）。",
                          "Mail servers for {email} (probed in {ms} ms)."),
    "probe.out.sources": ("見つけた経路:", "Sources:"),
    "probe.out.source_failed": ("（結果なし）", "(nothing found)"),
    "probe.out.source_waited": ("{ms} ミリ秒待っても答えがありません",
                                "no answer within {ms} ms"),
    "probe.out.source_no_guess": ("よくある名前のサーバーはどれもありません",
                                  "none of the usual names exists"),
    "probe.out.source_http": ("ウェブサーバーがコード {code} を返しました（結果なし）",
                              "the web server answered with code {code} (nothing found)"),
    "probe.out.source_status": ("結果なし: {status}", "nothing found: {status}"),
    "probe.out.srv_priority": ("{endpoint}（優先度 {priority}）",
                               "{endpoint} (priority {priority})"),
    "probe.out.kind.profile": ("教会の設定ファイル", "the church's settings file"),
    "probe.out.kind.host": ("指定されたサーバー", "the server given"),
    "probe.out.kind.srv": ("DNS の SRV レコード", "DNS SRV records"),
    "probe.out.kind.autoconfig": ("自動設定ファイル（autoconfig）",
                                  "the automatic configuration file (autoconfig)"),
    "probe.out.kind.mx": ("DNS の MX レコード", "DNS MX records"),
    "probe.out.kind.guess": ("よくあるサーバー名（mail. など）",
                             "common server names (mail. and so on)"),
    "probe.out.endpoints": ("接続先ごとの結果:", "Endpoints:"),
    "probe.out.recommendation": ("おすすめの設定:", "Recommended settings:"),
    "probe.out.incoming": ("受信", "Incoming"),
    "probe.out.outgoing": ("送信", "Outgoing"),
    "probe.out.none": ("なし", "none"),
    "probe.out.warnings": ("注意:", "Warnings:"),
    "probe.out.security.tls": ("SSL/TLS（最初から暗号化）", "SSL/TLS (encrypted from the start)"),
    "probe.out.security.starttls": ("STARTTLS（接続後に暗号化）",
                                    "STARTTLS (encryption after connecting)"),
    "probe.out.security.none": ("暗号化なし", "no encryption"),
    "probe.out.status.ok": ("正常", "OK"),
    "probe.out.status.refused": ("接続拒否", "refused"),
    "probe.out.status.timeout": ("応答なし", "no answer"),
    "probe.out.status.dns_error": ("名前を引けない", "DNS error"),
    "probe.out.status.tls_error": ("TLS 失敗", "TLS failed"),
    "probe.out.status.certificate_invalid": ("証明書を確認できない", "certificate not verified"),
    "probe.out.status.protocol_error": ("応答が不正", "protocol error"),
    "probe.out.status.unreachable": ("到達できない", "unreachable"),
    "probe.out.auth": ("認証方式", "authentication"),
    "probe.out.plaintext": (
        "暗号化しないままパスワードを送る方法を示しています（{listed}）",
        "lists a way to send the password without encryption ({listed})",
    ),
    "probe.out.plaintext_refused": (
        "USER は示していますが、暗号化なしの USER は断られました（パスワードは送っていません）: "
        "{line}",
        "lists USER, but refused USER without encryption (no password was sent): {line}",
    ),
    "probe.out.slow_greeting": (
        "サーバーのあいさつまで {seconds} 秒かかりました（応答の遅いサーバーです）",
        "the server greeted only after {seconds} s (a slow server)",
    ),
    "probe.out.untrusted": ("信頼できない経路", "untrusted channel"),
}
