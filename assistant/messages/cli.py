"""The command line's own words: every ``--help`` text and the words of argparse itself.

``cli.help.*`` are the option and command descriptions of assistant/cli.py. ``cli.argparse.*``
translate argparse's English strings: the English side is argparse's message exactly as
Python 3.11+ passes it to gettext (``%``-placeholders included), so it is the lookup key.
Option names, metavars (FILE, SPEC, …) and choices stay as they are: they are the contract.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # The program and its options (the wizard).
    "cli.help.description": (
        "メール設定アシスタント。コマンドを付けずに起動すると、設定の画面が開きます。",
        "メール設定アシスタント — mail setup assistant. Without a subcommand the wizard opens.",
    ),
    "cli.help.command": ("コマンド", "subcommands"),
    "cli.help.version": ("バージョンを表示して終了します",
                         "show program's version number and exit"),
    "cli.help.profile": ("教会の設定プロファイル（.mailsetup）",
                         "church settings profile (.mailsetup)"),
    "cli.help.global_lang": ("表示の言語（既定は ja）", "language (default ja)"),
    "cli.help.volunteer": ("技術的な詳細を表示します", "show technical details"),
    "cli.help.wizard_dns_server": (
        "設定の画面: DNS の問い合わせをすべてこのサーバーに送ります",
        "wizard: send every DNS lookup to this server",
    ),
    "cli.help.wizard_ca_file": (
        "設定の画面: パソコンが信頼する認証局に加えて、この認証局を信頼します",
        "wizard: trust this CA in addition to the system's",
    ),
    "cli.help.demo": (
        "設定の画面: 組み込みの結果で練習します（何も書き込みません）",
        "wizard: practice with built-in results; nothing is written",
    ),
    "cli.help.wizard_shared_pc": (
        "設定の画面: 教会の共用パソコンです（会員ごとにプロファイルを分け、パスワードは"
        "保存しません）",
        "wizard: this is a shared church PC (one profile per member, no stored password)",
    ),
    # Options every subcommand has.
    "cli.help.lang": ("メッセージの言語（既定は ja）", "language of messages (default ja)"),
    "cli.help.json": ("結果を JSON で 1 つ出力します", "print one JSON object"),
    # Discovery (probe, apply) and account sources (apply, export).
    "cli.help.host": (
        "サーバーを探さずに、このホストだけを調べます",
        "skip discovery and probe this host only",
    ),
    "cli.help.dns_server": (
        "DNS の問い合わせ（SRV、MX、A/AAAA）をすべてこのサーバーに送ります",
        "send every DNS lookup (SRV, MX, A/AAAA) to this server",
    ),
    "cli.help.ca_file": (
        "パソコンが信頼する認証局に加えて、この認証局を信頼します",
        "trust this CA in addition to the system's",
    ),
    "cli.help.timeout": (
        "調べる時間の上限（秒、既定は 30）",
        "overall deadline of the probe (default 30)",
    ),
    "cli.help.incoming": ("受信サーバー: PROTOCOL:HOST:PORT:SECURITY",
                          "PROTOCOL:HOST:PORT:SECURITY"),
    "cli.help.outgoing": ("送信サーバー: smtp:HOST:PORT:SECURITY", "smtp:HOST:PORT:SECURITY"),
    # probe, check-login, check-autoconfig
    "cli.help.probe": ("メールサーバーを探して調べます", "find and probe the mail servers"),
    "cli.help.check_login": (
        "メールを送らずに、ログイン（SMTP では認証）を試します",
        "test a login or SMTP AUTH without sending mail",
    ),
    "cli.help.password_stdin": (
        "パスワードを標準入力から読みます（コマンドの引数からは読みません）",
        "read the password from standard input (never from argv)",
    ),
    "cli.help.allow_plaintext": (
        "暗号化なしでパスワードを送ることを許可します",
        "allow sending the password without encryption",
    ),
    "cli.help.login_fingerprint": (
        "SHA-256 指紋がこの値の証明書を受け入れます",
        "accept a certificate with this SHA-256 fingerprint",
    ),
    "cli.help.check_autoconfig": (
        "このドメインの自動設定ファイルを Thunderbird が受け入れるか確かめます",
        "would Thunderbird accept this domain's autoconfig file?",
    ),
    # apply, remove, list-accounts, export
    "cli.help.apply": ("アカウントをメールソフトに書き込みます",
                       "write the account into a mail client"),
    "cli.help.dry_run": (
        "変更の内容を表示するだけで、何も書き込みません",
        "show the changes, write nothing",
    ),
    "cli.help.apply_fingerprint": (
        "確認できない証明書でも、SHA-256 指紋がこの値なら受け入れます（複数指定できます）",
        "accept a certificate that does not verify if it has this SHA-256 fingerprint "
        "(repeatable)",
    ),
    "cli.help.allow_untrusted": (
        "信頼できない情報から見つかったホストでも使います（複数指定できます）",
        "use this host although its source is not trusted (repeatable)",
    ),
    "cli.help.save_password": (
        "ログインの確認に成功したら、パスワードを Thunderbird 自身の暗号化された保存場所に"
        "保存します（共用パソコンでは使えません）",
        "after a successful login check, store the password in Thunderbird's own encrypted "
        "store (not on a shared PC)",
    ),
    "cli.help.apply_password_stdin": (
        "そのパスワードを標準入力から読みます（コマンドの引数からは読みません）",
        "read that password from standard input (never from argv)",
    ),
    "cli.help.apply_shared_pc": (
        "教会の共用パソコン: 会員ごとにプロファイルを分け、パスワードは保存しません",
        "shared church PC: a profile per member, no stored password",
    ),
    "cli.help.remove": (
        "アカウント（共用パソコンでは会員）をこのパソコンから取り除きます",
        "take an account (on a shared PC: a member) off this PC",
    ),
    "cli.help.remove_shared_pc": (
        "教会の共用パソコン: 会員のプロファイルをまるごと取り除きます",
        "shared church PC: remove the member's whole profile",
    ),
    "cli.help.yes": (
        "プロファイルをまるごと取り除くことを確認します",
        "confirm removing a whole profile",
    ),
    "cli.help.list_accounts": (
        "このパソコンの Thunderbird にあるアカウントと会員のプロファイルを表示します",
        "which accounts and member profiles this PC's Thunderbird holds",
    ),
    "cli.help.export": ("設定を別の形式で書き出します", "write the settings in another format"),
    # profile keygen|sign|verify
    "cli.help.profile_command": (
        "設定プロファイルに署名する、または署名を確かめます",
        "sign a settings profile, or check its signature",
    ),
    "cli.help.action": ("操作", "actions"),
    "cli.help.keygen": (
        "署名用の鍵の組（KEYFILE と KEYFILE.pub）を作ります",
        "make a signing key pair (KEYFILE and KEYFILE.pub)",
    ),
    "cli.help.sign": ("プロファイルに署名します", "sign a profile"),
    "cli.help.sign_output": ("書き込み先（既定は FILE 自体）", "write here (default: FILE itself)"),
    "cli.help.verify": ("プロファイルの署名を確かめます", "check a profile's signature"),
    "cli.help.public_key": (
        "この公開鍵を信頼します（既定は組み込みのプロファイルの鍵）",
        "trust this public key (default: the embedded profile's keys)",
    ),
    # apply's human output: the writer's placeholders (its --json keeps them as they are).
    "cli.apply.unset": ("（未設定）", "(unset)"),
    "cli.apply.dry_run_new_profile": (
        "（試行のみ: 何も書き込んでいません）Thunderbird のプロファイルがまだないため、"
        "{folder} に新しく作り、次の設定を書き込みます:",
        "(dry run: nothing was written) There is no Thunderbird profile yet: a new one would "
        "be made in {folder} with these settings:",
    ),
    # argparse's own words (the English side is its gettext message id).
    "cli.argparse.usage": ("使い方: ", "usage: "),
    "cli.argparse.positionals": ("引数", "positional arguments"),
    "cli.argparse.options": ("オプション", "options"),
    "cli.argparse.help": ("この説明を表示して終了します", "show this help message and exit"),
    "cli.argparse.error": ("%(prog)s: エラー: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.argument": ("%(argument_name)s の指定: %(message)s",
                              "argument %(argument_name)s: %(message)s"),
    "cli.argparse.required": (
        "次の指定が必要です: %s",
        "the following arguments are required: %s",
    ),
    "cli.argparse.one_required": (
        "次のどれかの指定が必要です: %s",
        "one of the arguments %s is required",
    ),
    "cli.argparse.unrecognized": ("知らない指定です: %s", "unrecognized arguments: %s"),
    "cli.argparse.invalid_choice": (
        "%(value)r は選べません（選べる値: %(choices)s）",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.invalid_value": ("%(value)r は正しい値ではありません",
                                   "invalid %(type)s value: %(value)r"),
    "cli.argparse.expected_one": ("値を 1 つ指定してください", "expected one argument"),
    "cli.argparse.expected_at_most_one": ("値は 1 つまでです", "expected at most one argument"),
    "cli.argparse.expected_at_least_one": ("値を 1 つ以上指定してください",
                                           "expected at least one argument"),
    "cli.argparse.not_allowed_with": ("%s と一緒には使えません", "not allowed with argument %s"),
    "cli.argparse.ignored_explicit": (
        "このオプションは値を取りません: %r",
        "ignored explicit argument %r",
    ),
    "cli.argparse.ambiguous": (
        "%(option)s だけではどれか決まりません（候補: %(matches)s）",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
}
