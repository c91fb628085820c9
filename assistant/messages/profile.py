"""Messages for reading and writing settings profile files.

Every message names the file (``source``) and where the problem is: ``line``/``column`` for
TOML syntax, ``key`` (such as ``incoming[2].port``) for a value. An invalid value found by the
settings rules reuses that rule's sentence under ``profile.invalid.<settings code>``.
"""

from assistant.messages.settings import MESSAGES as _SETTINGS

_OWN: dict[str, tuple[str, str]] = {
    "profile.too_large": (
        "設定プロファイル {source} が大きすぎます（{max} バイトまで）。"
        "正しい設定プロファイルか確認してください。",
        "The settings profile {source} is too large (at most {max} bytes)."
        " Check that it is really a settings profile.",
    ),
    "profile.not_utf8": (
        "設定プロファイル {source} の {line} 行目の文字を読めません。"
        "UTF-8 で保存し直してください（Shift_JIS ではなく）。",
        "Line {line} of the settings profile {source} cannot be read."
        " Save the file again as UTF-8 (not Shift_JIS).",
    ),
    "profile.syntax": (
        "設定プロファイル {source} の {line} 行目 {column} 文字目の書き方に誤りがあります"
        "（{detail}）。",
        "The settings profile {source} has a syntax error at line {line}, column {column}"
        " ({detail}).",
    ),
    "profile.syntax_at_end": (
        "設定プロファイル {source} の書き方に誤りがあります（{detail}）。"
        "同じ項目が2回書かれていないか確認してください。",
        "The settings profile {source} has a syntax error ({detail})."
        " Check that no entry is written twice.",
    ),
    "profile.too_deep": (
        "設定プロファイル {source} の括弧の入れ子が深すぎます。",
        "The settings profile {source} nests brackets too deeply.",
    ),
    "profile.secret_key": (
        "設定プロファイル {source} にパスワードのような項目「{key}」があります。"
        "設定プロファイルにはパスワードを書かないでください。この項目を削除してください。",
        "The settings profile {source} contains an entry that looks like a password: '{key}'."
        " A settings profile must never contain a password; remove this entry.",
    ),
    "profile.unsupported_version": (
        "設定プロファイル {source} の書式の版（{key} = {value}）には対応していません"
        "（対応している版: {supported}）。アシスタントを新しくしてください。",
        "The settings profile {source} has a format version ({key} = {value}) that is not"
        " supported (supported: {supported}). Please update the assistant.",
    ),
    "profile.missing_key": (
        "設定プロファイル {source} に必要な項目「{key}」がありません。",
        "The settings profile {source} lacks the required entry '{key}'.",
    ),
    "profile.unknown_key": (
        "設定プロファイル {source} の「{key}」は知らない項目です。"
        "書ける項目: {allowed}",
        "The settings profile {source} contains an unknown entry '{key}'."
        " Allowed entries: {allowed}",
    ),
    "profile.expected_text": (
        "設定プロファイル {source} の「{key}」は \"\" で囲んだ文字列で書いてください。",
        "In the settings profile {source}, '{key}' must be text in double quotes.",
    ),
    "profile.expected_integer": (
        "設定プロファイル {source} の「{key}」は数字で書いてください（\"\" で囲まない）。",
        "In the settings profile {source}, '{key}' must be a number (without quotes).",
    ),
    "profile.expected_list": (
        "設定プロファイル {source} の「{key}」は一覧で書いてください"
        "（[ ] で囲む。サーバーは [[incoming]] のように [[ ]] を使う）。",
        "In the settings profile {source}, '{key}' must be a list (in [ ]; servers are"
        " written with [[ ]] as in [[incoming]]).",
    ),
    "profile.expected_table": (
        "設定プロファイル {source} の「{key}」は [{key}] のような表で書いてください。",
        "In the settings profile {source}, '{key}' must be a table such as [{key}].",
    ),
    "profile.empty_list": (
        "設定プロファイル {source} の「{key}」が空です。1つ以上書いてください。",
        "In the settings profile {source}, '{key}' is empty; give at least one.",
    ),
    "profile.too_many": (
        "設定プロファイル {source} の「{key}」は {max} 個までです。",
        "In the settings profile {source}, '{key}' may have at most {max} entries.",
    ),
    "profile.duplicate": (
        "設定プロファイル {source} の「{key}」は前と同じものです: {value}",
        "In the settings profile {source}, '{key}' repeats an earlier entry: {value}",
    ),
    "profile.organisation_unnamed": (
        "設定プロファイル {source} の「{key}」に名前（name_ja または name_en）がありません。",
        "In the settings profile {source}, '{key}' has no name (name_ja or name_en).",
    ),
    "profile.not_incoming": (
        "設定プロファイル {source} の「{key}」: 受信サーバーは imap か pop3 です"
        "（指定: {value}）。",
        "In the settings profile {source}, '{key}': an incoming server is imap or pop3"
        " (given: {value}).",
    ),
    "profile.not_outgoing": (
        "設定プロファイル {source} の「{key}」: 送信サーバーは smtp です（指定: {value}）。",
        "In the settings profile {source}, '{key}': an outgoing server is smtp"
        " (given: {value}).",
    ),
    "profile.auth_none_incoming": (
        "設定プロファイル {source} の「{key}」: 受信サーバーには認証が必要です"
        "（none は使えません）。",
        "In the settings profile {source}, '{key}': an incoming server needs authentication"
        " ('none' is not allowed).",
    ),
    "profile.bad_recommended": (
        "設定プロファイル {source} の「{key}」は imap か pop3 です（指定: {value}）。",
        "In the settings profile {source}, '{key}' must be imap or pop3 (given: {value}).",
    ),
    "profile.recommended_not_listed": (
        "設定プロファイル {source} の「{key}」は {value} ですが、"
        "{value} の受信サーバーが [[incoming]] にありません。",
        "In the settings profile {source}, '{key}' is {value} but [[incoming]]"
        " lists no {value} server.",
    ),
    "profile.unknown_login_rule": (
        "設定プロファイル {source} の「{key}」は address、local-part、ask のどれかです"
        "（指定: {value}）。",
        "In the settings profile {source}, '{key}' must be address, local-part or ask"
        " (given: {value}).",
    ),
    "profile.bad_phone": (
        "設定プロファイル {source} の「{key}」は電話番号として正しくありません"
        "（数字と + - ( ) だけ）: {value}",
        "In the settings profile {source}, '{key}' is not a valid phone number"
        " (digits and + - ( ) only): {value}",
    ),
    "profile.bad_url": (
        "設定プロファイル {source} の「{key}」は https:// で始まるアドレスで"
        "書いてください: {value}",
        "In the settings profile {source}, '{key}' must be a web address starting with"
        " https://: {value}",
    ),
    "profile.url_credentials": (
        "設定プロファイル {source} の「{key}」のアドレスに、ユーザー名やパスワードを"
        "書かないでください（https://ホスト名/… の形で書きます）。",
        "In the settings profile {source}, '{key}' must not contain a user name or password"
        " (write it as https://host/…).",
    ),
    "profile.text_too_long": (
        "設定プロファイル {source} の「{key}」が長すぎます（{max} 文字まで）。",
        "In the settings profile {source}, '{key}' is too long (at most {max} characters).",
    ),
    "profile.control_character": (
        "設定プロファイル {source} の「{key}」に使えない制御文字が入っています。",
        "In the settings profile {source}, '{key}' contains a control character.",
    ),
}

# A value the settings rules refuse: the rule's own sentence, prefixed with where it is.
_INVALID: dict[str, tuple[str, str]] = {
    f"profile.invalid.{code}": (
        f"設定プロファイル {{source}} の「{{key}}」: {ja}",
        f"In the settings profile {{source}}, '{{key}}': {en}",
    )
    for code, (ja, en) in _SETTINGS.items()
}

MESSAGES: dict[str, tuple[str, str]] = {**_OWN, **_INVALID}
