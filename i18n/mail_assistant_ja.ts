<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en_US">
<context>
    <name>AccountPage</name>
    <message>
        <source>Please enter your name.</source>
        <translation>名前を入力してください。</translation>
    </message>
    <message>
        <source>The part of the address after the @ seems incomplete (for example taro@example.jp).</source>
        <translation>アドレスの @ のあとが途中までのようです（例: taro@example.jp）。</translation>
    </message>
    <message>
        <source>This address is not one of {organisation}&apos;s ({domains}). Please check it.</source>
        <translation>このアドレスは{organisation}のアドレス（{domains}）ではありません。もう一度確かめてください。</translation>
    </message>
    <message>
        <source>This address is not one of the church&apos;s ({domains}). Please check it.</source>
        <translation>このアドレスは教会のアドレス（{domains}）ではありません。もう一度確かめてください。</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Please type your whole e-mail address (for example taro@example.jp).</source>
        <translation>メールアドレスを最後まで入力してください（例: taro@example.jp）。</translation>
    </message>
    <message>
        <source>The server did not accept this password (or login name). Please type the password again; check Caps Lock and the keyboard&apos;s input mode.</source>
        <translation>サーバーがこのパスワード（またはログイン名）を受け付けませんでした。パスワードをもう一度入力してください。Caps Lock や、キーボードの入力モード（半角英数になっているか）も確かめてください。</translation>
    </message>
    <message>
        <source>Your login name may be &quot;{login}&quot;: see Details.</source>
        <translation>ログイン名は「{login}」かもしれません。「詳細」を確かめてください。</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>This assistant sets up your church e-mail on this computer.</source>
        <translation>このアシスタントは、教会のメールをこのパソコンに設定します。</translation>
    </message>
    <message>
        <source>Enter your name, your e-mail address and its password. Everything else is found and checked for you.</source>
        <translation>名前、メールアドレス、パスワードを入力してください。そのほかの設定は自動で探して確かめます。</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>This is a shared church computer</source>
        <translation>これは教会の共用パソコンです</translation>
    </message>
    <message>
        <source>Shared computer: each person gets a Thunderbird of her own, Thunderbird asks which person is using it at every start, and no password is stored.</source>
        <translation>共用パソコン: お一人ずつ専用の Thunderbird の設定を作ります。Thunderbird は起動するたびに、どなたが使うかを尋ねます。パスワードは保存しません。</translation>
    </message>
    <message>
        <source>Personal computer: the password can be stored so that Thunderbird asks nothing.</source>
        <translation>個人のパソコン: パスワードを保存できるので、Thunderbird は何も聞きません。</translation>
    </message>
    <message>
        <source>(A volunteer can change this in volunteer mode.)</source>
        <translation>（ボランティアの方がボランティアモードで変更できます。）</translation>
    </message>
    <message>
        <source>Name (shown to recipients):</source>
        <translation>名前（相手に表示されます）:</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>メールアドレス:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <source>Login name:</source>
        <translation>ログイン名:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>ログイン名</translation>
    </message>
    <message>
        <source>e.g. Taro Yamada</source>
        <translation>例: 山田 太郎</translation>
    </message>
    <message>
        <source>e.g. taro@example.jp</source>
        <translation>例: taro@example.jp</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>パスワードを表示する</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Details: login name</source>
        <translation>詳細: ログイン名</translation>
    </message>
    <message>
        <source>Usually filled in for you from the address. Change it only if the church told you a different login name.</source>
        <translation>通常はメールアドレスから自動で入ります。教会から別のログイン名を知らされている場合だけ変更してください。</translation>
    </message>
    <message>
        <source>The church settings file could not be read: {reason}</source>
        <translation>教会の設定ファイルを読み込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Settings loaded for: {organisation}</source>
        <translation>読み込んだ設定: {organisation}</translation>
    </message>
    <message>
        <source>Questions: {contact}</source>
        <translation>お問い合わせ: {contact}</translation>
    </message>
    <message>
        <source>Loaded settings</source>
        <translation>読み込んだ設定</translation>
    </message>
    <message>
        <source>the whole address</source>
        <translation>アドレス全体</translation>
    </message>
    <message>
        <source>the part before @</source>
        <translation>@ より前の部分</translation>
    </message>
    <message>
        <source>asked from the member</source>
        <translation>本人に入力してもらう</translation>
    </message>
    <message>
        <source>Address as sent to the server: {value}</source>
        <translation>サーバーへ送る形のアドレス: {value}</translation>
    </message>
    <message>
        <source>Address as shown: {value}</source>
        <translation>表示用のアドレス: {value}</translation>
    </message>
    <message>
        <source>Login name from: {rule}; login name: {login}</source>
        <translation>ログイン名の決め方: {rule}、ログイン名: {login}</translation>
    </message>
    <message>
        <source>Password entered: {value}</source>
        <translation>パスワード入力済み: {value}</translation>
    </message>
    <message>
        <source>Version: {version}</source>
        <translation>バージョン: {version}</translation>
    </message>
    <message>
        <source>Settings file: {path}</source>
        <translation>設定ファイル: {path}</translation>
    </message>
    <message>
        <source>DNS server: {server}</source>
        <translation>DNS サーバー: {server}</translation>
    </message>
    <message>
        <source>the computer&apos;s own</source>
        <translation>このパソコンの設定</translation>
    </message>
    <message>
        <source>Additional certificate authority file: {path}</source>
        <translation>追加の認証局ファイル: {path}</translation>
    </message>
    <message>
        <source>Shared computer: {shared} (set by: {source})</source>
        <translation>共用パソコン: {shared}（決めたもの: {source}）</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>まだ決まっていません</translation>
    </message>
    <message>
        <source>this computer&apos;s setting</source>
        <translation>このパソコンの設定</translation>
    </message>
    <message>
        <source>the church settings file</source>
        <translation>教会の設定ファイル</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Mail settings on this computer</source>
        <translation>このパソコンのメールの設定</translation>
    </message>
    <message>
        <source>The accounts in this computer&apos;s Thunderbird. A person on a shared computer has a profile of her own, which goes whole when her settings are removed.</source>
        <translation>このパソコンの Thunderbird に入っているメールの設定です。共用パソコンでは、お一人ずつ専用のプロファイルがあり、その方の設定を消すとプロファイルごと消えます。</translation>
    </message>
    <message>
        <source>Remove this person&apos;s settings from this computer</source>
        <translation>この方の設定をこのパソコンから消す</translation>
    </message>
    <message>
        <source>Accounts in Thunderbird</source>
        <translation>Thunderbird のメールの設定</translation>
    </message>
    <message>
        <source>{name}: no mail account</source>
        <translation>{name}: メールの設定はありません</translation>
    </message>
    <message>
        <source>profile of her own: {name}</source>
        <translation>専用のプロファイル: {name}</translation>
    </message>
    <message>
        <source>profile: {name}</source>
        <translation>プロファイル: {name}</translation>
    </message>
    <message>
        <source>Remove the settings of {email} from this computer? Her profile &quot;{name}&quot; is deleted whole, with any mail kept in it.</source>
        <translation>{email} の設定をこのパソコンから消しますか？ 「{name}」のプロファイルが、中に残っているメールごと消えます。</translation>
    </message>
    <message>
        <source>Remove the account {email} from this computer&apos;s Thunderbird? Mail kept on this computer for it is deleted; the mail on the server stays.</source>
        <translation>{email} の設定をこのパソコンの Thunderbird から消しますか？ このパソコンに残っているこのアドレスのメールは消えます。サーバーのメールは残ります。</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>消さない</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>消す</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <source>Technical details (for volunteers)</source>
        <translation>技術的な詳細（ボランティア向け）</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技術的な詳細</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>詳細を表示</translation>
    </message>
    <message>
        <source>[Practice] {title}</source>
        <translation>【練習】{title}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>The settings could not be written: {reason}</source>
        <translation>設定を書き込めませんでした: {reason}</translation>
    </message>
    <message>
        <source>Mail program</source>
        <translation>メールソフト</translation>
    </message>
    <message>
        <source>Which program do you use for e-mail?</source>
        <translation>どのメールソフトを使いますか？</translation>
    </message>
    <message>
        <source>(installed)</source>
        <translation>（インストール済み）</translation>
    </message>
    <message>
        <source>(not found on this computer)</source>
        <translation>（この PC には見つかりません）</translation>
    </message>
    <message>
        <source>Only print or save the settings</source>
        <translation>設定内容を印刷/保存するだけ</translation>
    </message>
    <message>
        <source>The assistant writes the checked settings into the program you choose.</source>
        <translation>確認した設定を、選んだメールソフトに書き込みます。</translation>
    </message>
    <message>
        <source>Thunderbird then keeps it in its own locked password store and asks nothing. Untick this if other people use this computer.</source>
        <translation>Thunderbird が自分の鍵のかかったパスワード保管場所にしまうので、何も聞かれません。ほかの人もこのパソコンを使うときはチェックを外してください。</translation>
    </message>
    <message>
        <source>Thunderbird will ask for the password each time it starts.</source>
        <translation>Thunderbird を起動するたびにパスワードを聞かれます。</translation>
    </message>
    <message>
        <source>The mail server and your password were checked: both work.</source>
        <translation>メールサーバーとパスワードを確認できました。どちらも使えます。</translation>
    </message>
    <message>
        <source>Save the password on this computer</source>
        <translation>このパソコンにパスワードを保存する</translation>
    </message>
    <message>
        <source>Thunderbird is running. Please close Thunderbird (≡ menu → {quit}, or the window&apos;s ×), then press Check again.</source>
        <translation>Thunderbird が起動しています。Thunderbird を閉じてから（右上の ≡ メニューの「{quit}」か、ウィンドウの ×）、「もう一度確認」を押してください。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Check again whether Thunderbird is closed</source>
        <translation>Thunderbird が終了したかもう一度確認する</translation>
    </message>
    <message>
        <source>Thunderbird: installed: {installed}; profile folder: {profile}; running: {running}</source>
        <translation>Thunderbird: インストール済み: {installed}、プロファイルのフォルダー: {profile}、起動中: {running}</translation>
    </message>
    <message>
        <source>Outlook: installed: {installed}; output folder: {output}</source>
        <translation>Outlook: インストール済み: {installed}、出力先フォルダー: {output}</translation>
    </message>
    <message>
        <source>Account to write: {address}; login name: {login}; receiving: {incoming}; sending: {outgoing}</source>
        <translation>書き込むアカウント: {address}、ログイン名: {login}、受信: {incoming}、送信: {outgoing}</translation>
    </message>
    <message>
        <source>Account to write: not complete yet</source>
        <translation>書き込むアカウント: まだそろっていません</translation>
    </message>
</context>
<context>
    <name>Describer</name>
    <message>
        <source>Receiving (IMAP)</source>
        <translation>受信（IMAP）</translation>
    </message>
    <message>
        <source>Receiving (POP)</source>
        <translation>受信（POP）</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>暗号化なし</translation>
    </message>
    <message>
        <source>the church&apos;s settings file</source>
        <translation>教会の設定ファイル</translation>
    </message>
    <message>
        <source>DNS (SRV records)</source>
        <translation>DNS（SRV レコード）</translation>
    </message>
    <message>
        <source>the automatic configuration file (autoconfig)</source>
        <translation>自動設定ファイル（autoconfig）</translation>
    </message>
    <message>
        <source>DNS (MX record)</source>
        <translation>DNS（MX レコード）</translation>
    </message>
    <message>
        <source>common server names (mail. and so on)</source>
        <translation>よくあるサーバー名（mail. など）</translation>
    </message>
    <message>
        <source>the server given</source>
        <translation>指定されたサーバー</translation>
    </message>
    <message>
        <source>Looked in {where}: nothing found</source>
        <translation>{where}を調べました: 見つかりません</translation>
    </message>
    <message>
        <source>Looked in {where}: {hosts}</source>
        <translation>{where}を調べました: {hosts}</translation>
    </message>
    <message>
        <source>{role}: {host} port {port}</source>
        <translation>{role}: {host} ポート {port}</translation>
    </message>
    <message>
        <source>{endpoint} — checking…</source>
        <translation>{endpoint} — 確認中…</translation>
    </message>
    <message>
        <source>answers, but without encryption</source>
        <translation>応答あり、ただし暗号化なし</translation>
    </message>
    <message>
        <source>answers, encrypted ({security}), certificate valid</source>
        <translation>応答あり、暗号化あり（{security}）、証明書も正常</translation>
    </message>
    <message>
        <source>encrypted, but its certificate could not be verified</source>
        <translation>暗号化されていますが、証明書を確認できません</translation>
    </message>
    <message>
        <source>refuses connections</source>
        <translation>接続を拒否されました</translation>
    </message>
    <message>
        <source>does not answer</source>
        <translation>応答がありません</translation>
    </message>
    <message>
        <source>name not found</source>
        <translation>名前が見つかりません</translation>
    </message>
    <message>
        <source>encryption could not be started</source>
        <translation>暗号化を開始できませんでした</translation>
    </message>
    <message>
        <source>does not answer like a mail server</source>
        <translation>メールサーバーとして応答しません</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>接続できません</translation>
    </message>
    <message>
        <source>{endpoint} — {result}</source>
        <translation>{endpoint} — {result}</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>うまくいきませんでした</translation>
    </message>
    <message>
        <source>Looked in {where}: {found}</source>
        <translation>{where}を調べました: {found}</translation>
    </message>
    <message>
        <source>{protocol} {host}:{port} {security}</source>
        <translation>{protocol} {host}:{port} {security}</translation>
    </message>
    <message>
        <source>{endpoint} (priority {priority})</source>
        <translation>{endpoint}（優先度 {priority}）</translation>
    </message>
    <message>
        <source>no answer within {ms} ms</source>
        <translation>{ms} ミリ秒待っても答えがありません</translation>
    </message>
    <message>
        <source>none of the usual names exists</source>
        <translation>よくある名前はどれもありません</translation>
    </message>
    <message>
        <source>the web server answered with code {code}</source>
        <translation>ウェブサーバーの答えはコード {code} でした</translation>
    </message>
    <message>
        <source>nothing found: {reason}</source>
        <translation>見つかりません（{reason}）</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>the certificate was signed by the server itself</source>
        <translation>サーバー自身が署名した証明書です</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>証明書の有効期限が切れています</translation>
    </message>
    <message>
        <source>the certificate is for a different server name</source>
        <translation>別の名前のサーバー用の証明書です</translation>
    </message>
    <message>
        <source>the certificate&apos;s issuer is not known</source>
        <translation>証明書の発行元を確認できません</translation>
    </message>
    <message>
        <source>the reason is shown in the technical details</source>
        <translation>理由は技術的な詳細に表示されます</translation>
    </message>
    <message>
        <source>{role}: {host}, port {port}, {security}</source>
        <translation>{role}: {host}、ポート {port}、{security}</translation>
    </message>
    <message>
        <source>encryption: {security}</source>
        <translation>暗号化: {security}</translation>
    </message>
    <message>
        <source>result: {status}</source>
        <translation>結果: {status}</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>応答あり</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ミリ秒</translation>
    </message>
    <message>
        <source>TLS version: {version}; certificate valid: {valid}</source>
        <translation>TLS の版: {version}、証明書は有効: {valid}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>certificate error (English, from the TLS library): {error}</source>
        <translation>証明書のエラー（TLS ライブラリーからの英語の原文）: {error}</translation>
    </message>
    <message>
        <source>certificate: {reason}</source>
        <translation>証明書: {reason}</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: {fingerprint}</source>
        <translation>SHA-256 の指紋: {fingerprint}</translation>
    </message>
    <message>
        <source>login methods: {mechanisms}</source>
        <translation>ログイン方式: {mechanisms}</translation>
    </message>
    <message>
        <source>error from the server or system (English): {error}</source>
        <translation>サーバーまたはシステムからのエラー（英語の原文）: {error}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The sheet could not be saved: {reason}</source>
        <translation>設定シートを保存できませんでした: {reason}</translation>
    </message>
    <message>
        <source>Settings sheet saved: {path}</source>
        <translation>設定シートを保存しました: {path}</translation>
    </message>
    <message>
        <source>Save the settings sheet</source>
        <translation>設定シートの保存</translation>
    </message>
    <message>
        <source>mail-settings.pdf</source>
        <translation>メール設定.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;ウェブページ (*.html)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Your settings were checked.</source>
        <translation>設定の確認が終わりました。</translation>
    </message>
    <message>
        <source>Nothing was written into a mail program. Save or print the settings sheet and use it to set up your program, or give it to a volunteer.</source>
        <translation>メールソフトには何も書き込んでいません。設定シートを保存または印刷して、メールソフトの設定に使うか、ボランティアに渡してください。</translation>
    </message>
    <message>
        <source>The practice is finished.</source>
        <translation>練習が終わりました。</translation>
    </message>
    <message>
        <source>This was practice: nothing was written into {program}, and your mail is not set up yet. To set it up for real, ask a volunteer to start the assistant without practice.</source>
        <translation>これは練習でした。{program} には何も書き込んでいません。メールはまだ設定されていません。本当に設定するときは、練習ではないアシスタントをボランティアに開いてもらってください。</translation>
    </message>
    <message>
        <source>Your e-mail is set up in {program}.</source>
        <translation>{program} にメールを設定しました。</translation>
    </message>
    <message>
        <source>{program} already had these settings for {address}: nothing needed to change.</source>
        <translation>{program} には {address} の設定がすでに入っていました。変える必要のあるものはありませんでした。</translation>
    </message>
    <message>
        <source>The account {address} was written into {program}, in a profile of its own named &quot;{name}&quot;.</source>
        <translation>{address} の設定を {program} に書き込みました。「{name}」という名前の、この方専用のプロファイルです。</translation>
    </message>
    <message>
        <source>The account {address} was written into {program}.</source>
        <translation>アカウント {address} を {program} に書き込みました。</translation>
    </message>
    <message>
        <source>Set up the next person</source>
        <translation>次の方の設定へ</translation>
    </message>
    <message>
        <source>Set up the next person: everything of this person is cleared</source>
        <translation>次の方の設定へ（この方の入力はすべて消えます）</translation>
    </message>
    <message>
        <source>You can save or print the sheet to see what would be set up.</source>
        <translation>設定シートを保存または印刷すると、本番で設定される内容を確かめられます。</translation>
    </message>
    <message>
        <source>Written to: {path}</source>
        <translation>書き込み先: {path}</translation>
    </message>
    <message>
        <source>Keep a settings sheet with your papers: it lists the servers and your login name (never the password).</source>
        <translation>設定シートを手元に保管してください。サーバーとログイン名が書かれています（パスワードは書かれません）。</translation>
    </message>
    <message>
        <source>Save settings sheet…</source>
        <translation>設定シートを保存…</translation>
    </message>
    <message>
        <source>Save the settings sheet as a file</source>
        <translation>設定シートをファイルに保存する</translation>
    </message>
    <message>
        <source>Print settings sheet…</source>
        <translation>設定シートを印刷…</translation>
    </message>
    <message>
        <source>Print the settings sheet</source>
        <translation>設定シートを印刷する</translation>
    </message>
    <message>
        <source>Next: set up your mail program with the values on the sheet.</source>
        <translation>次に、設定シートの内容でメールソフトを設定してください。</translation>
    </message>
    <message>
        <source>If something does not work, contact: {contact}</source>
        <translation>うまくいかないときの連絡先: {contact}</translation>
    </message>
    <message>
        <source>Press &quot;Open Thunderbird&quot; at the bottom right.</source>
        <translation>右下の「Thunderbird を開く」を押してください。</translation>
    </message>
    <message>
        <source>Next: start Outlook. Outlook keeps the password itself, so it asks for it once, in a window titled &quot;{title}&quot;: type the password, tick &quot;Remember my credentials&quot; and press {ok}. After that it does not ask again.</source>
        <translation>次に Outlook を起動してください。Outlook はパスワードを自分で保管するので、最初に一度だけ「{title}」という画面で尋ねます。パスワードを入力し、「資格情報を記憶する」にチェックを入れて {ok} を押してください。そのあとは聞かれません。</translation>
    </message>
    <message>
        <source>Important: you trusted the server&apos;s certificate here by its fingerprint, but your mail program does not know that. At its first connection it warns about the certificate. Accept it only if the fingerprint (SHA-256) it shows is the same as the one below; otherwise ask a volunteer.</source>
        <translation>大切: このアシスタントでは指紋を確かめてサーバーの証明書を信頼しましたが、メールソフトはそのことを知りません。メールソフトは初めて接続するときに証明書について警告します。そこに表示される指紋（SHA-256）が下の指紋と同じときだけ受け入れてください。違うときはボランティアに相談してください。</translation>
    </message>
    <message>
        <source>{host} port {port}:</source>
        <translation>{host} ポート {port}:</translation>
    </message>
    <message>
        <source>Mail program: {client}</source>
        <translation>メールソフト: {client}</translation>
    </message>
    <message>
        <source>Backup: {path}</source>
        <translation>バックアップ: {path}</translation>
    </message>
    <message>
        <source>Password stored in Thunderbird&apos;s own store: {saved}</source>
        <translation>Thunderbird 自身のパスワード保管場所に保存: {saved}</translation>
    </message>
    <message>
        <source>Changes, as the writer reports them (settings names are English):</source>
        <translation>変更した内容（設定名は英語のままです）:</translation>
    </message>
</context>
<context>
    <name>FileDialogTexts</name>
    <message>
        <source>Look in:</source>
        <translation>場所:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>ファイル名:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>ファイルの種類:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>{role}: checking…</source>
        <translation>{role}: 確認中…</translation>
    </message>
    <message>
        <source>{role}: waiting</source>
        <translation>{role}: 待機中</translation>
    </message>
    <message>
        <source>{role}: failed — {message}</source>
        <translation>{role}: 失敗 — {message}</translation>
    </message>
    <message>
        <source>{role}: logged in. Your inbox has {count} messages.</source>
        <translation>{role}: ログインできました。受信トレイに {count} 通のメールがあります。</translation>
    </message>
    <message>
        <source>{role}: logged in.</source>
        <translation>{role}: ログインできました。</translation>
    </message>
    <message>
        <source>{role}: the server accepted your password for sending. No mail was sent.</source>
        <translation>{role}: 送信用のパスワードを確認できました。メールは送っていません。</translation>
    </message>
    <message>
        <source>Checking your password with the server…</source>
        <translation>サーバーでパスワードを確認しています…</translation>
    </message>
    <message>
        <source>Receiving and sending work with your password. Press Next.</source>
        <translation>このパスワードで受信も送信もできます。「次へ」を押してください。</translation>
    </message>
    <message>
        <source>The password was not accepted.</source>
        <translation>パスワードが受け付けられませんでした。</translation>
    </message>
    <message>
        <source>The check did not succeed. Press Check again, or ask a volunteer and show them the technical details.</source>
        <translation>確認できませんでした。「もう一度確認」を押すか、ボランティアに相談して技術的な詳細を見せてください。</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>教会の連絡先: {contact}</translation>
    </message>
    <message>
        <source>Checking the login</source>
        <translation>ログインの確認</translation>
    </message>
    <message>
        <source>Your password is tried for receiving and for sending, exactly as your mail program will do it.</source>
        <translation>メールソフトと同じ方法で、受信と送信にパスワードを使えるか確かめます。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Check the login again</source>
        <translation>ログインをもう一度確認する</translation>
    </message>
    <message>
        <source>Progress of the login check</source>
        <translation>ログイン確認の進み具合</translation>
    </message>
    <message>
        <source>Why sending needs your password</source>
        <translation>送信にもパスワードが必要な理由</translation>
    </message>
    <message>
        <source>{role}: {spec}; login name: {login}; result: {result} (code {code}); login method: {mechanism}; encryption: {security}</source>
        <translation>{role}: {spec}、ログイン名: {login}、結果: {result}（コード {code}）、ログイン方式: {mechanism}、暗号化: {security}</translation>
    </message>
    <message>
        <source>Folders: {folders}</source>
        <translation>フォルダー: {folders}</translation>
    </message>
</context>
<context>
    <name>MailWizard</name>
    <message>
        <source>Check the server first: there is nothing to export yet.</source>
        <translation>先にサーバーを確認してください。まだ書き出せる設定がありません。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>Mail setup assistant</source>
        <translation>メール設定アシスタント</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <source>Write the settings</source>
        <translation>設定を書き込む</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>確認する</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Show the settings to print or save</source>
        <translation>設定内容を表示する（印刷・保存）</translation>
    </message>
    <message>
        <source>Open Thunderbird</source>
        <translation>Thunderbird を開く</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完了(&amp;F)</translation>
    </message>
    <message>
        <source>Mail setup assistant — practice (nothing is written)</source>
        <translation>メール設定アシスタント — 練習（何も書き込みません）</translation>
    </message>
    <message>
        <source>Volunteer mode (technical details)</source>
        <translation>ボランティアモード（技術的な詳細）</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>文字を大きくする</translation>
    </message>
    <message>
        <source>Copy diagnostics for a technician (in English, without the password)</source>
        <translation>診断情報をコピー（技術者向けの英語の情報・パスワードは含みません）</translation>
    </message>
    <message>
        <source>Mail settings on this computer…</source>
        <translation>このパソコンのメールの設定…</translation>
    </message>
    <message>
        <source>Export church settings profile…</source>
        <translation>教会の設定プロファイルを書き出す…</translation>
    </message>
    <message>
        <source>Export autoconfig XML…</source>
        <translation>autoconfig XML を書き出す…</translation>
    </message>
    <message>
        <source>Export iPhone/iPad profile (mobileconfig)…</source>
        <translation>iPhone/iPad 用プロファイル（mobileconfig）を書き出す…</translation>
    </message>
    <message>
        <source>Close the assistant?</source>
        <translation>アシスタントを閉じますか？</translation>
    </message>
    <message>
        <source>What you have typed will be lost.</source>
        <translation>入力した内容は失われます。</translation>
    </message>
    <message>
        <source>Go on with the setup</source>
        <translation>設定を続ける</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ProtocolPage</name>
    <message>
        <source>POP and IMAP</source>
        <translation>POP と IMAP</translation>
    </message>
    <message>
        <source>Where should your mail be kept? Read below, then choose.</source>
        <translation>メールをどこに置きますか？ 下の説明を読んでから選んでください。</translation>
    </message>
    <message>
        <source>Diagram: IMAP and POP</source>
        <translation>図: IMAP と POP</translation>
    </message>
    <message>
        <source>With IMAP the mail stays on the church&apos;s server and the computer, the phone and WebMail all show the same mail. With POP the mail is moved into one computer.</source>
        <translation>IMAP ではメールは教会のサーバーに残り、パソコン・スマートフォン・ウェブメールのどれからも同じメールが見えます。POP ではメールが1台のパソコンに移ります。</translation>
    </message>
    <message>
        <source>IMAP: keep mail on the server (recommended)</source>
        <translation>IMAP: メールをサーバーに置く（おすすめ）</translation>
    </message>
    <message>
        <source>POP: move mail into this computer</source>
        <translation>POP: メールをこのパソコンに移す</translation>
    </message>
    <message>
        <source>This is a shared church computer: only IMAP is suitable, so the mail stays on the server.</source>
        <translation>これは教会の共用パソコンです。メールがサーバーに残る IMAP だけが使えます。</translation>
    </message>
    <message>
        <source>Leave mail on the server</source>
        <translation>サーバーにメールを残す</translation>
    </message>
    <message>
        <source>Keep this on: otherwise mail read here disappears from the server, and WebMail, your phone or a later change to IMAP can no longer see it.</source>
        <translation>オンのままにしてください。オフにすると、ここで受信したメールはサーバーから消え、ウェブメールやスマートフォン、後で IMAP に切り替えたときにも見えなくなります。</translation>
    </message>
    <message>
        <source>Explanation of POP and IMAP</source>
        <translation>POP と IMAP の説明</translation>
    </message>
    <message>
        <source>IMAP: port 993 (SSL/TLS from the start, RFC 8314) or 143 with STARTTLS</source>
        <translation>IMAP: ポート 993（最初から SSL/TLS、RFC 8314）または 143 と STARTTLS</translation>
    </message>
    <message>
        <source>POP3: port 995 (SSL/TLS from the start) or 110 with STLS</source>
        <translation>POP3: ポート 995（最初から SSL/TLS）または 110 と STLS</translation>
    </message>
    <message>
        <source>Sending (SMTP): port 465 (SSL/TLS from the start) or 587 with STARTTLS, with SMTP AUTH</source>
        <translation>送信（SMTP）: ポート 465（最初から SSL/TLS）または 587 と STARTTLS、SMTP AUTH を使用</translation>
    </message>
    <message>
        <source>Chosen: {protocol}; shared PC: {shared}; leave mail on the server: {leave}</source>
        <translation>選んだ方式: {protocol}、共用パソコン: {shared}、サーバーにメールを残す: {leave}</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>The server {host} (port {port}) uses encryption, but its certificate could not be verified ({error}).
This can mean the church uses its own certificate, or that someone is pretending to be the server. Trust it only if this fingerprint is the one your church&apos;s volunteer gave you:
{fingerprint}</source>
        <translation>サーバー {host}（ポート {port}）は暗号化に対応していますが、証明書を確認できませんでした（{error}）。
教会が独自の証明書を使っている場合もありますが、誰かがサーバーになりすましている可能性もあります。教会のボランティアから聞いた指紋と次の指紋（SHA-256）が一致する場合だけ、信頼してください:
{fingerprint}</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>この証明書を信頼する</translation>
    </message>
    <message>
        <source>Do not trust</source>
        <translation>信頼しない</translation>
    </message>
    <message>
        <source>Warning: the server {hosts} offers no encryption. Your password and your mail would travel readable for anyone on the network.
Continue only if the church&apos;s volunteer confirmed that this server has no encryption yet.</source>
        <translation>警告: サーバー {hosts} は暗号化に対応していません。パスワードとメールが暗号化されずに送られ、同じネットワークの誰かに読まれるおそれがあります。
このサーバーがまだ暗号化に対応していないことを教会のボランティアに確認した場合だけ、続けてください。</translation>
    </message>
    <message>
        <source>Continue without encryption</source>
        <translation>暗号化なしで続ける</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>ここでやめる</translation>
    </message>
    <message>
        <source>To keep your password safe, stop here and contact the church.</source>
        <translation>パスワードを守るため、ここでやめて、教会に連絡してください。</translation>
    </message>
    <message>
        <source>Looking for your mail server and checking it…</source>
        <translation>メールサーバーを探して、確認しています…</translation>
    </message>
    <message>
        <source>Please answer the question below.</source>
        <translation>下の質問に答えてください。</translation>
    </message>
    <message>
        <source>The check was stopped. Press Check again to restart it.</source>
        <translation>確認を中止しました。「もう一度確認」を押すと、やり直します。</translation>
    </message>
    <message>
        <source>The mail server was found and works. Next, your password is checked.</source>
        <translation>メールサーバーが見つかり、使えることを確認しました。次はパスワードを確認します。</translation>
    </message>
    <message>
        <source>No working mail server was found for this address. Check the address and the internet connection, then press Check again.</source>
        <translation>このアドレスで使えるメールサーバーが見つかりませんでした。アドレスとインターネット接続を確かめてから、「もう一度確認」を押してください。</translation>
    </message>
    <message>
        <source>Without your consent the assistant cannot use this server. Ask the church&apos;s volunteer, then press Check again.</source>
        <translation>あなたの同意がないため、このサーバーは使えません。教会のボランティアに相談してから、「もう一度確認」を押してください。</translation>
    </message>
    <message>
        <source>Yes, send it there</source>
        <translation>はい、送ります</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>The assistant could not confirm that this really is the church&apos;s mail server.</source>
        <translation>これが本当に教会のメールサーバーかどうか、確かめられませんでした。</translation>
    </message>
    <message>
        <source>The church&apos;s mail server would receive your password without protecting it.</source>
        <translation>このままでは、パスワードが守られないまま教会のメールサーバーに送られてしまいます。</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>教会の連絡先: {contact}</translation>
    </message>
    <message>
        <source>Ask the church&apos;s volunteer for help.</source>
        <translation>教会のボランティアに相談してください。</translation>
    </message>
    <message>
        <source>The church has confirmed this server&apos;s certificate.</source>
        <translation>このサーバーの証明書は、教会が確かめています。</translation>
    </message>
    <message>
        <source>The church decided to use its old server without encryption.</source>
        <translation>教会の判断で、暗号化のない古いサーバーを使います。</translation>
    </message>
    <message>
        <source>Please stop here and contact the church (see below).</source>
        <translation>ここでやめて、教会に連絡してください（下に書いてあります）。</translation>
    </message>
    <message>
        <source>The check failed unexpectedly. Press Check again; if it happens again, ask a volunteer.</source>
        <translation>予期しない理由で確認に失敗しました。「もう一度確認」を押してください。繰り返す場合はボランティアに相談してください。</translation>
    </message>
    <message>
        <source>Without encryption, as you allowed.</source>
        <translation>あなたが許可したため、暗号化なしで接続します。</translation>
    </message>
    <message>
        <source>Certificate trusted by its fingerprint.</source>
        <translation>指紋を確認して証明書を信頼しました。</translation>
    </message>
    <message>
        <source>There is no mail server for the part of your address after the @. Please check the address for a typing mistake.</source>
        <translation>メールアドレスの「@」より後ろの部分に、メールサーバーがありません。アドレスに打ち間違いがないか確かめてください。</translation>
    </message>
    <message>
        <source>The church&apos;s mail server is not answering just now. Your address is probably right. Press Check again later, or call the church.</source>
        <translation>教会のメールサーバーが、いま応答していません。アドレスはおそらく正しいです。しばらくしてから「もう一度確認」を押すか、教会に電話してください。</translation>
    </message>
    <message>
        <source>Checking the server</source>
        <translation>サーバーの確認</translation>
    </message>
    <message>
        <source>The assistant finds the church&apos;s mail server and checks that it is safe. It takes a few seconds.</source>
        <translation>教会のメールサーバーを探し、安全に使えるかを確かめます。数秒かかります。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Stop the check</source>
        <translation>確認を中止する</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>List of checks</source>
        <translation>確認の一覧</translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation>確認の進み具合</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Domain: {domain}; time taken: {ms} ms</source>
        <translation>ドメイン: {domain}、かかった時間: {ms} ミリ秒</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>This settings file cannot be used for this address.</source>
        <translation>この設定ファイルは、このメールアドレスには使えません。</translation>
    </message>
    <message>
        <source>Stop here, or confirm that the church gave you this file.</source>
        <translation>ここでやめるか、教会から受け取ったファイルだと確かめてください。</translation>
    </message>
    <message>
        <source>Check the settings file</source>
        <translation>設定ファイルの確認</translation>
    </message>
    <message>
        <source>Your password goes only to servers your church vouches for.</source>
        <translation>パスワードは、教会が認めたサーバーにだけ送ります。</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>ここでやめる</translation>
    </message>
    <message>
        <source>The church gave me this file: use it</source>
        <translation>教会から受け取ったファイルです。使います</translation>
    </message>
    <message>
        <source>This settings file has no signature of the church: anyone can write such a file and send it by e-mail.
File: {source}</source>
        <translation>この設定ファイルには教会の署名がありません。このようなファイルは誰でも作れて、メールで送ることもできます。
ファイル: {source}</translation>
    </message>
    <message>
        <source>Your password would be sent to:</source>
        <translation>パスワードを送るサーバー:</translation>
    </message>
    <message>
        <source>If you are not sure that the church gave you this file, stop here and ask the church.</source>
        <translation>教会から受け取ったファイルか分からないときは、ここでやめて教会に問い合わせてください。</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>教会の連絡先: {contact}</translation>
    </message>
    <message>
        <source>Trust: {trust}; signature: {signature}; file: {source}</source>
        <translation>信頼: {trust}、署名: {signature}、ファイル: {source}</translation>
    </message>
</context>
</TS>
