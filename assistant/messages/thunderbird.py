"""Messages of the Thunderbird writer (assistant/clients/thunderbird)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "thunderbird.profile_not_found": (
        "Thunderbird のプロファイルが見つかりません。Thunderbird を一度起動して閉じてから、"
        "もう一度お試しください（--thunderbird-profile で場所を指定することもできます）。",
        "No Thunderbird profile was found. Start Thunderbird once, close it and try again "
        "(or name the profile directory with --thunderbird-profile).",
    ),
    "thunderbird.profile_in_use": (
        "Thunderbird が起動中です（プロファイル「{path}」を使っています）。"
        "Thunderbird を閉じてから もう一度お試しください。",
        "Thunderbird is running (it is using the profile '{path}'). "
        "Close Thunderbird and try again.",
    ),
    "thunderbird.lock_unknown": (
        "Thunderbird が起動中かどうかを確認できません（「{path}」: {reason}）。"
        "念のため何も変更していません。Thunderbird を閉じていることを確かめ、"
        "このファイルを読めるユーザーで もう一度お試しください。",
        "Cannot check whether Thunderbird is running ('{path}': {reason}). "
        "To be safe, nothing was changed. Make sure Thunderbird is closed and try again "
        "as a user who can read that file.",
    ),
    "thunderbird.member_name_taken": (
        "「{name}」という名前の Thunderbird プロファイルには、別の方のメールの設定がすでに"
        "あります。同じプロファイルに入れると、その方のメールが読めてしまうため、書き込みません"
        "でした。名前を少し変えて（例: 「{name} 2」）設定してください。",
        "A Thunderbird profile named '{name}' already holds another person's mail account. "
        "Nothing was written, since sharing it would let each read the other's mail. Use a "
        "slightly different name (for example '{name} 2').",
    ),
    "thunderbird.profiles_ini_unreadable": (
        "Thunderbird のプロファイル一覧「{path}」を読めません（{reason}）。",
        "Cannot read Thunderbird's profile list '{path}' ({reason}).",
    ),
    "thunderbird.prefs_unparsable": (
        "Thunderbird の設定ファイル「{path}」の {line} 行目が読めません（{reason}）。"
        "壊さないように、何も変更していません。",
        "Line {line} of Thunderbird's settings file '{path}' cannot be read ({reason}). "
        "Nothing was changed, so that the file is not damaged.",
    ),
    "thunderbird.value_not_writable": (
        "設定値に Thunderbird の設定ファイルに書けない文字（NUL など）が含まれています。",
        "A value contains a character that cannot be stored in Thunderbird's settings "
        "(such as NUL).",
    ),
    "thunderbird.verify_failed": (
        "書き込む内容の確認で食い違いが見つかりました（{key}）。何も変更していません。",
        "Checking the new settings found a difference ({key}). Nothing was changed.",
    ),
    "thunderbird.smtp_login_not_ascii": (
        "ログイン名に英数字以外の文字が含まれています。Thunderbird は送信サーバー（SMTP）の"
        "ログイン名に英数字以外を使えないため、書き込みませんでした。",
        "The login name contains non-ASCII characters. Thunderbird cannot use such a login "
        "for the outgoing (SMTP) server, so nothing was written.",
    ),
    "thunderbird.user_js_overrides": (
        "プロファイルの「{path}」が同じ設定（{keys}）を毎回上書きするため、"
        "書き込んでも効きません。そのファイルを確認してください。",
        "'{path}' in the profile overrides the same settings ({keys}) at every start, so "
        "writing them would have no effect. Please check that file.",
    ),
}
