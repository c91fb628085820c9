"""Messages of the Thunderbird handover (password store, certificate exceptions), shared-PC
mode, member profiles, remove and list-accounts."""

MESSAGES: dict[str, tuple[str, str]] = {
    "thunderbird.nss_missing": (
        "Thunderbird のパスワード保存機能（NSS ライブラリ）が見つかりません。パスワードは"
        "保存していません。Thunderbird が最初の接続で尋ねます。",
        "Thunderbird's password store library (NSS) was not found. The password was not "
        "stored; Thunderbird asks for it when it first connects.",
    ),
    "thunderbird.nss_failed": (
        "Thunderbird のパスワード保存機能が失敗しました（{step}）。パスワードは保存していません。",
        "Thunderbird's password store failed ({step}). The password was not stored.",
    ),
    "thunderbird.primary_password": (
        "この Thunderbird のプロファイルにはマスターパスワード（主パスワード）が"
        "設定されているため、パスワードは保存しませんでした。"
        "Thunderbird が最初に一度だけ尋ねます。",
        "This Thunderbird profile has a primary password, so the password was not stored. "
        "Thunderbird will ask for it once.",
    ),
    "thunderbird.logins_unreadable": (
        "Thunderbird のパスワードファイル「{path}」を読めません。"
        "壊さないように何も変更していません。",
        "Thunderbird's password file '{path}' cannot be read. Nothing was changed, so that "
        "it is not damaged.",
    ),
    "apply.password_saved": (
        "パスワードを Thunderbird のパスワードマネージャーに保存しました（暗号化されています）。"
        "Thunderbird はパスワードを尋ねません。",
        "The password was stored in Thunderbird's password manager (encrypted). Thunderbird "
        "will not ask for it.",
    ),
    "apply.overrides_written": (
        "確認済みの証明書を Thunderbird の例外として登録しました: {servers}",
        "The verified certificate was registered as a Thunderbird exception for: {servers}",
    ),
    "apply.login_check_failed": (
        "{server} へのログイン確認が通らなかったため、何も書き込んでいません: {reason}",
        "The login check with {server} did not succeed, so nothing was written: {reason}",
    ),
    "apply.save_password_thunderbird_only": (
        "--save-password は Thunderbird だけで使えます。Outlook はパスワードを自分のプロファイルに"
        "保存するため、最初に一度だけ尋ねます。",
        "--save-password works with Thunderbird only. Outlook keeps the password in its own "
        "profile and asks for it once.",
    ),
    "apply.password_without_save": (
        "--password-stdin は --save-password と一緒に使います。",
        "--password-stdin goes together with --save-password.",
    ),
    "shared_pc.no_password": (
        "共用パソコンではパスワードを保存しません（次に使う人がその方としてメールを読み書き"
        "できてしまうため）。--save-password を外してください。",
        "On a shared PC no password is stored (the next person at the PC could read and send "
        "mail as that member). Leave out --save-password.",
    ),
    "shared_pc.imap_only": (
        "共用パソコンでは IMAP だけを設定します（{protocol} はメールをこのパソコンに保存します）。",
        "On a shared PC only IMAP is set up ({protocol} keeps the mail on this PC).",
    ),
    "shared_pc.member_profile": (
        "共用パソコン: 「{name}」さん専用の Thunderbird プロファイルに書き込みました。"
        "Thunderbird は起動のたびにプロファイルを選ぶ画面を出します。",
        "Shared PC: written into a Thunderbird profile of {name}'s own. Thunderbird shows its "
        "profile chooser at every start.",
    ),
    "shared_pc.bad_member_name": (
        "プロファイル名に使えない文字（改行、[ ] = など）が含まれています: {name}",
        "The name contains characters a profile name cannot hold (line breaks, [ ] = …): "
        "{name}",
    ),
    "remove.not_found": (
        "{email} の設定はこの Thunderbird のプロファイルにはありません（{path}）。",
        "This Thunderbird profile holds no account for {email} ({path}).",
    ),
    "remove.done": (
        "{email} の設定を消しました（{path}）。",
        "The account of {email} was removed ({path}).",
    ),
    "remove.profile_removed": (
        "{name} さんのプロファイルを丸ごと消しました（{path}）。",
        "{name}'s whole profile was removed ({path}).",
    ),
    "remove.confirm_needed": (
        "共用パソコンでは {name} さんのプロファイルを丸ごと消します（{path}）。"
        "よろしければ --yes を付けてもう一度実行してください。",
        "On a shared PC the whole profile of {name} is removed ({path}). Run again with "
        "--yes to confirm.",
    ),
    "remove.logins_left": (
        "このプロファイルにはマスターパスワードがあるため、保存されたパスワードは消せませんでした。",
        "The profile has a primary password, so its stored passwords could not be removed.",
    ),
    "thunderbird.not_installed": (
        "Thunderbird が見つかりません。Thunderbird をインストールしてください。",
        "Thunderbird was not found. Please install Thunderbird.",
    ),
    "thunderbird.cannot_start": (
        "Thunderbird を起動できませんでした（{reason}）。",
        "Thunderbird could not be started ({reason}).",
    ),
    "tb_guide.nothing_asked": (
        "Thunderbird が開きます。パスワードは保存してあるので、何も聞かれません。",
        "Thunderbird opens. The password is stored, so it asks nothing.",
    ),
    "tb_guide.password_prompt": (
        "Thunderbird が最初にパスワードを尋ねます。入力して、"
        "「{checkbox}」にチェックを入れてから OK を押してください。",
        "Thunderbird first asks for the password. Type it, tick \"{checkbox}\" and press OK.",
    ),
    "tb_guide.smtp_prompt": (
        "初めてメールを送るとき「{title}」と出たら、同じパスワードを入力してください。",
        "When you first send mail and \"{title}\" appears, type the same password.",
    ),
    "tb_guide.shared_chooser": (
        "Thunderbird を開くたびに「{title}」の画面が出ます。「{name}」を選んで"
        "「{start}」を押してください。",
        "Each time Thunderbird opens, \"{title}\" appears. Choose \"{name}\" and press "
        "\"{start}\".",
    ),
    "tb_guide.shared_password": (
        "パスワードは保存しないでください。パスワードを聞かれたら入力し、"
        "「{checkbox}」にはチェックを入れないでください。保存すると、次にこのパソコンを使う人が"
        "あなたとしてメールを読み書きできてしまいます。",
        "Do not save the password. When asked, type it and leave \"{checkbox}\" unticked. "
        "A saved password would let the next person at this PC read and send mail as you.",
    ),
    "tb_guide.quit": (
        "Thunderbird を閉じるときは、右上の ≡ メニューのいちばん下の「{quit}」を押すか、"
        "ウィンドウの × を押します。",
        "To close Thunderbird, choose \"{quit}\" at the bottom of the ≡ menu (top right), "
        "or press the window's ×.",
    ),
    "inventory.none": (
        "この パソコンの Thunderbird にはメールの設定がありません。",
        "This PC's Thunderbird holds no mail accounts.",
    ),
}
