"""Messages about trust: profile signatures, whose word a profile is, consents, pins, and the
command line's refusals (assistant.signature, profile_trust, probe.choose, commands.profile)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- profile fields about trust -------------------------------------------------------
    "profile.expected_boolean": (
        "設定プロファイル {source} の「{key}」は true か false で書いてください"
        "（\"\" で囲まない）。",
        "In the settings profile {source}, '{key}' must be true or false (without quotes).",
    ),
    "profile.bad_signing_key": (
        "設定プロファイル {source} の「{key}」は署名の公開鍵として読めません"
        "（mail-assistant profile keygen が表示する 44 文字を書きます）。",
        "In the settings profile {source}, '{key}' is not a signing public key"
        " (write the 44 characters that mail-assistant profile keygen prints).",
    ),
    "profile.bad_fingerprint": (
        "設定プロファイル {source} の「{key}」は SHA-256 の指紋として読めません"
        "（16 進数 64 桁、コロン区切りも可）: {value}",
        "In the settings profile {source}, '{key}' is not a SHA-256 fingerprint"
        " (64 hex digits, colons allowed): {value}",
    ),
    "profile.pin_without_tls": (
        "設定プロファイル {source} の「{key}」: 暗号化しないサーバー（security = \"none\"）には"
        "証明書がないので、指紋を書けません。",
        "In the settings profile {source}, '{key}': a server without encryption"
        " (security = \"none\") has no certificate to pin.",
    ),
    "profile.plaintext_with_tls": (
        "設定プロファイル {source} の「{key}」: allow_plaintext は security = \"none\" の"
        "サーバーにだけ書けます（このサーバーは {value}）。",
        "In the settings profile {source}, '{key}': allow_plaintext is only for a server with"
        " security = \"none\" (this one is {value}).",
    ),
    # --- signatures and keys ----------------------------------------------------------------
    "signature.bad_key": (
        "署名用の鍵を読めません。mail-assistant profile keygen で作った鍵を使ってください。",
        "The signing key cannot be read. Use a key made by mail-assistant profile keygen.",
    ),
    "profilecmd.key_exists": (
        "{path} はすでにあります。鍵を上書きすると、その鍵で署名したファイルが使えなくなるので、"
        "上書きしません。別の名前を指定してください。",
        "{path} already exists. Overwriting a key would orphan every file signed with it,"
        " so it is not overwritten; choose another name.",
    ),
    "profilecmd.keygen_done": (
        "秘密鍵を {private} に保存しました（この PC の管理者だけが読めます。誰にも渡さないで"
        "ください）。\n公開鍵（{public_file}）:\n  {public}\n"
        "インストーラーに入れる設定プロファイルの最初に、次の1行を書いてください:\n"
        "  signing_keys = [\"{public}\"]",
        "Private key saved to {private} (readable by this account only; never give it to"
        " anyone).\nPublic key ({public_file}):\n  {public}\n"
        "Put this line at the top of the settings profile you build into the installer:\n"
        "  signing_keys = [\"{public}\"]",
    ),
    "profilecmd.signed": (
        "{path} に署名しました（公開鍵 {key}）。",
        "Signed {path} (public key {key}).",
    ),
    "profilecmd.verify.trusted": (
        "{path}: 正しい署名です（信頼する鍵 {key}）。教会の設定として使えます。",
        "{path}: the signature is good (trusted key {key}). It is the church's word.",
    ),
    "profilecmd.verify.untrusted_key": (
        "{path}: 署名は正しいのですが、信頼する鍵ではありません（{key}）。",
        "{path}: the signature is good, but by a key that is not trusted ({key}).",
    ),
    "profilecmd.verify.invalid": (
        "{path}: 署名が合いません。署名のあとで書き換えられています。",
        "{path}: the signature does not match: the file was changed after it was signed.",
    ),
    "profilecmd.verify.malformed": (
        "{path}: 署名の行を読めません。",
        "{path}: the signature line cannot be read.",
    ),
    "profilecmd.verify.unsigned": (
        "{path}: 署名がありません。",
        "{path}: the file is not signed.",
    ),
    "profilecmd.no_trusted_keys": (
        "信頼する鍵がありません。--public-key で公開鍵を指定するか、設定プロファイルを"
        "組み込んだアシスタントで確かめてください。",
        "No trusted key: give one with --public-key, or check with an assistant that has the"
        " church's profile built in.",
    ),
    "profilecmd.cannot_write": (
        "{path} に書き込めません（{reason}）。",
        "{path} cannot be written ({reason}).",
    ),
    # --- whose word a profile is -----------------------------------------------------------
    "trust.level.embedded": (
        "このアシスタントに組み込まれた教会の設定です。",
        "The church's settings built into this assistant.",
    ),
    "trust.level.signed": (
        "教会の鍵で署名された設定です（{source}）。",
        "Settings signed with the church's key ({source}).",
    ),
    "trust.level.untrusted": (
        "教会の署名がない設定ファイルです（{source}）。",
        "A settings file without the church's signature ({source}).",
    ),
    "trust.domain_not_listed": (
        "メールアドレスの「@」より後ろ（{domain}）が、この設定（{organisation}）の"
        "ドメイン（{domains}）にありません。この設定は使えません。"
        "メールアドレスを確かめるか、教会に問い合わせてください。",
        "The address's domain ({domain}) is not one of this profile's domains"
        " ({organisation}: {domains}). The profile cannot be used. Check the address,"
        " or ask the church.",
    ),
    "trust.server_outside_domain": (
        "この設定ファイルには教会の署名がなく、サーバー「{host}」は {domain} の外にあります。"
        "パスワードを送る先として認められないので、使いません。"
        "教会から届いた正しいファイルか、教会に確かめてください。",
        "This settings file has no signature of the church, and its server \"{host}\" lies"
        " outside {domain}. The password is not sent there. Ask the church whether the"
        " file really comes from them.",
    ),
    "trust.untrusted_profile": (
        "この設定ファイルには教会の署名がありません。誰でも作れるファイルです。\n"
        "ファイル: {source}\n"
        "パスワードを送るサーバー:\n{hosts}\n"
        "教会から受け取ったファイルか分からないときは、ここで止めて教会に問い合わせてください。",
        "This settings file has no signature of the church: anyone can write such a file.\n"
        "File: {source}\n"
        "The password would be sent to:\n{hosts}\n"
        "If you are not sure the church gave you this file, stop here and ask the church.",
    ),
    "trust.untrusted_profile_short": (
        "設定ファイル {source} には教会の署名がありません。パスワードを送る前に会員の確認が"
        "必要です。",
        "The settings file {source} has no signature of the church: the member must confirm"
        " before the password is sent.",
    ),
    "trust.zone.internet": (
        "Windows の記録では、このファイルはインターネットから来ました{url}。",
        "Windows recorded that this file came from the Internet{url}.",
    ),
    "trust.zone.restricted": (
        "Windows の記録では、このファイルは制限付きサイトから来ました{url}。",
        "Windows recorded that this file came from a restricted site{url}.",
    ),
    "trust.discovery_disagrees": (
        "{domain_hosts} ({source}) はこのドメイン自身が公開している {protocol} サーバーですが、"
        "設定ファイルは {profile_hosts} を指定しています。教会に確かめてください。",
        "The domain itself publishes {domain_hosts} ({source}) for {protocol}, but the"
        " settings file names {profile_hosts}. Ask the church which is right.",
    ),
    # --- consents: the blocking question before a password is sent ---------------------------
    "consent.question": (
        "パスワードを「{host}」へ送ってよいか確かめてください。\n{reason}\n"
        "分からないときは「いいえ」を押して、教会に問い合わせてください。{contact}",
        "Confirm that your password may be sent to \"{host}\".\n{reason}\n"
        "If you are not sure, press \"No\" and ask the church.{contact}",
    ),
    "consent.contact": (
        "（連絡先: {contact}）",
        " (Contact: {contact})",
    ),
    "consent.reason.untrusted_profile": (
        "このサーバーは、教会の署名がない設定ファイルに書かれていました。",
        "This server comes from a settings file without the church's signature.",
    ),
    "consent.reason.srv_outside_domain": (
        "このサーバーは {domain} の DNS (SRV) に書かれていますが、{domain} の外の名前です。",
        "The DNS (SRV) of {domain} names this server, but it lies outside {domain}.",
    ),
    "consent.reason.http_autoconfig": (
        "このサーバーは暗号化されていない http で届いた設定情報に書かれていました"
        "（途中で書き換えられることがあります）。",
        "This server comes from settings fetched over unencrypted http (which anyone on the"
        " way can change).",
    ),
    "consent.reason.foreign_mx": (
        "このサーバーは {domain} のメールを受け取るサーバー (MX) ですが、別のドメインにあります。",
        "This is the mail exchanger (MX) of {domain}, but it lies in another domain.",
    ),
    "consent.reason.foreign_autoconfig": (
        "このサーバーは、{domain} ではない別のドメインの設定情報に書かれていました。",
        "This server comes from the settings published by another domain, not {domain}.",
    ),
    "consent.required": (
        "「{host}」へパスワードを送ってよいか、まだ確かめていません。パスワードは送っていません。",
        "You have not yet confirmed that your password may be sent to \"{host}\". It was not"
        " sent.",
    ),
    "consent.certificate_required": (
        "{host}:{port} の証明書（SHA-256 {fingerprint}）を信頼するか、まだ決めていません。"
        "パスワードは送っていません。",
        "You have not yet decided whether to trust the certificate of {host}:{port}"
        " (SHA-256 {fingerprint}). The password was not sent.",
    ),
    # --- the command line's rules ----------------------------------------------------------
    "apply.untrusted_refused": (
        "{protocol} サーバー {host} は信頼できる情報源から来ていないので、書き込みません。\n"
        "{reason}\n"
        "正しいと確かめたら --allow-untrusted {host_ascii} を付けるか、"
        "--incoming/--outgoing でサーバーを指定してください。",
        "The {protocol} server {host} does not come from a trusted source, so nothing is"
        " written.\n{reason}\nIf you have checked it is right, add --allow-untrusted"
        " {host_ascii}, or name the servers with --incoming/--outgoing.",
    ),
    "apply.certificate_refused": (
        "{protocol} サーバー {host}:{port} の証明書を確認できないので、書き込みません"
        "（{error}）。\n"
        "SHA-256: {fingerprint}\n"
        "管理者に指紋が正しいと確かめたら --trust-fingerprint {fingerprint} を付けてください。",
        "The certificate of the {protocol} server {host}:{port} cannot be verified, so"
        " nothing is written ({error}).\nSHA-256: {fingerprint}\n"
        "If the server's admin confirms this fingerprint, add --trust-fingerprint"
        " {fingerprint}.",
    ),
    "apply.profile_refused": (
        "この設定プロファイルは使えません。",
        "This settings profile cannot be used.",
    ),
    "apply.untrusted_allowed": (
        "{protocol} サーバー {host} は信頼できる情報源から来ていませんが、--allow-untrusted で"
        "許可されたので使います。",
        "The {protocol} server {host} does not come from a trusted source; it is used because"
        " --allow-untrusted allows it.",
    ),
    "apply.certificate_pinned": (
        "{protocol} サーバー {host}:{port} の証明書は確認できませんが、指紋 {fingerprint} が"
        "指定と一致したので使います。",
        "The certificate of the {protocol} server {host}:{port} does not verify; it is used"
        " because its fingerprint {fingerprint} matches the one given.",
    ),
    "apply.bad_fingerprint": (
        "--trust-fingerprint の値を SHA-256 の指紋として読めません: {value}",
        "The --trust-fingerprint value is not a SHA-256 fingerprint: {value}",
    ),
    "apply.bad_allow_untrusted": (
        "--allow-untrusted の値をサーバー名として読めません: {value}",
        "The --allow-untrusted value is not a host name: {value}",
    ),
}
