"""Messages shared by the command line and the GUI."""

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.password_missing": (
        "パスワードが入力されていません。--password-stdin で標準入力から渡してください。",
        "No password was given. Pass it on standard input with --password-stdin.",
    ),
    "cli.interrupted": ("中断しました。", "Interrupted."),
    "io.cannot_read": (
        "ファイル「{path}」を読めません: {reason}",
        "Cannot read the file '{path}': {reason}",
    ),
    "io.cannot_write": (
        "ファイル「{path}」に書き込めません: {reason}",
        "Cannot write the file '{path}': {reason}",
    ),
}
