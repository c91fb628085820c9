"""Messages of `mail-assistant apply` (what was written where)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "apply.both_specs_required": (
        "--incoming と --outgoing は両方指定してください。",
        "Give both --incoming and --outgoing.",
    ),
    "apply.empty_path": (
        "{option} に空の値が指定されています。ファイルやフォルダーの場所を指定してください。",
        "{option} was given an empty value. Give the path of a file or folder.",
    ),
    "apply.pop_option_not_pop": (
        "POP の設定（--pop-delete-after-days、--pop-no-leave-on-server）は、受信が POP の"
        "ときだけ使えます（この受信サーバーは {protocol} です）。",
        "The POP options (--pop-delete-after-days, --pop-no-leave-on-server) apply only to a "
        "POP account (this incoming server is {protocol}).",
    ),
    "apply.login_required": (
        "この教会の設定ではログイン名を自動で決められません。--username で指定してください。",
        "This church's settings cannot derive the login name. Give it with --username.",
    ),
    "apply.profile_without_servers": (
        "設定プロファイルに受信または送信サーバーがありません。",
        "The settings profile lists no incoming or no outgoing server.",
    ),
    "apply.no_recommendation": (
        "使える受信・送信サーバーが見つかりませんでした。",
        "No usable incoming and outgoing servers were found.",
    ),
    "apply.plaintext_recommendation": (
        "見つかったサーバー（{server}）は暗号化されていないため、自動では書き込みません。"
        "暗号化なしで使う場合は --incoming と --outgoing で明示的に指定してください。",
        "The server found ({server}) is not encrypted, so it is not written automatically. "
        "To use it without encryption anyway, name it explicitly with --incoming and "
        "--outgoing.",
    ),
    "apply.written": (
        "Thunderbird の設定を書き込みました: {target}",
        "Wrote the Thunderbird settings: {target}",
    ),
    "apply.outlook_written": (
        "Outlook 用の設定を書き出しました: {target}",
        "Wrote the Outlook settings: {target}",
    ),
    "apply.updated_existing": (
        "同じアドレスのアカウントがあったので、そのアカウントを更新しました。",
        "An account with the same address existed; it was updated.",
    ),
    "apply.backup": ("変更前のファイルの控え: {path}", "Backup of the previous file: {path}"),
    "apply.no_changes": (
        "設定はすでにこの内容です。何も変更していません。",
        "The settings are already like this. Nothing was changed.",
    ),
    "apply.dry_run": (
        "（試行のみ: 何も書き込んでいません）次の変更を行います: {target}",
        "(dry run: nothing was written) These changes would be made: {target}",
    ),
    "apply.password_hint": (
        "パスワードは保存していません。Thunderbird を起動すると最初に尋ねられます。",
        "The password was not stored. Thunderbird asks for it when it first connects.",
    ),
}
