"""Messages shared by the command line and the GUI."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.password_missing": (
        "パスワードが入力されていません。--password-stdin で標準入力から渡してください。",
        "No password was given. Pass it on standard input with --password-stdin.",
    ),
    "cli.interrupted": ("中断しました。", "Interrupted."),
    "cli.no_display": (
        "画面（ディスプレイ）が見つからないため、アシスタントの画面を開けません。"
        "デスクトップの画面から起動してください（リモート接続では画面の転送を有効にして"
        "ください）。コマンドだけを使う場合は「mail-assistant probe …」などを使えます。",
        "No display was found, so the assistant's window cannot open. Start it from a "
        "desktop session (over a remote connection, enable display forwarding). The commands "
        "(\"mail-assistant probe …\" and others) work without one.",
    ),
    "io.cannot_read": (
        "ファイル「{path}」を読めません: {reason}",
        "Cannot read the file '{path}': {reason}",
    ),
    "io.cannot_write": (
        "ファイル「{path}」に書き込めません: {reason}",
        "Cannot write the file '{path}': {reason}",
    ),
}
