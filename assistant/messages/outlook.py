"""Messages for classic Outlook (autodiscover file, registry, PRF)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "outlook.output_dir_required": (
        "Windows 以外では、書き出し先のフォルダーを --output-dir で指定してください。",
        "Outside Windows, give the folder for the Outlook files with --output-dir.",
    ),
    "outlook.prf_value_invalid": (
        "「{field}」に改行などの制御文字が入っているため、PRF ファイルに書けません。",
        "'{field}' contains a line break or another control character and cannot be written "
        "into a PRF file.",
    ),
    "outlook.prf_incoming_starttls": (
        "PRF ファイルでは受信の STARTTLS を指定できません。{protocol} はポート {tls_port}"
        "（SSL/TLS）で設定します（指定はポート {port} の STARTTLS）。サーバーがポート {tls_port} "
        "を使えない場合は、自動検出（autodiscover）ファイルとレジストリの方法を使ってください。",
        "A PRF file cannot ask for STARTTLS on incoming mail. {protocol} is set up on port "
        "{tls_port} (SSL/TLS) instead of STARTTLS on port {port}. If the server has no port "
        "{tls_port}, use the autodiscover file and registry values instead.",
    ),
    "outlook.reg_invalid_name": (
        "レジストリの名前に使えない文字が入っています: {name}",
        "A registry name contains a character that is not allowed: {name}",
    ),
}
