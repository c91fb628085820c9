<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AccountPage</name>
    <message>
        <source>Please enter your name.</source>
        <translation>Please enter your name.</translation>
    </message>
    <message>
        <source>The part of the address after the @ seems incomplete (for example taro@example.jp).</source>
        <translation>The part of the address after the @ seems incomplete (for example taro@example.jp).</translation>
    </message>
    <message>
        <source>This address is not one of {organisation}&apos;s ({domains}). Please check it.</source>
        <translation>This address is not one of {organisation}&apos;s ({domains}). Please check it.</translation>
    </message>
    <message>
        <source>This address is not one of the church&apos;s ({domains}). Please check it.</source>
        <translation>This address is not one of the church&apos;s ({domains}). Please check it.</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>Please enter the password.</translation>
    </message>
    <message>
        <source>Please type your whole e-mail address (for example taro@example.jp).</source>
        <translation>Please type your whole e-mail address (for example taro@example.jp).</translation>
    </message>
    <message>
        <source>The server did not accept this password (or login name). Please type the password again; check Caps Lock and the keyboard&apos;s input mode.</source>
        <translation>The server did not accept this password (or login name). Please type the password again; check Caps Lock and the keyboard&apos;s input mode.</translation>
    </message>
    <message>
        <source>Your login name may be &quot;{login}&quot;: see Details.</source>
        <translation>Your login name may be &quot;{login}&quot;: see Details.</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>Your account</translation>
    </message>
    <message>
        <source>This assistant sets up your church e-mail on this computer.</source>
        <translation>This assistant sets up your church e-mail on this computer.</translation>
    </message>
    <message>
        <source>Enter your name, your e-mail address and its password. Everything else is found and checked for you.</source>
        <translation>Enter your name, your e-mail address and its password. Everything else is found and checked for you.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>This is a shared church computer</source>
        <translation>This is a shared church computer</translation>
    </message>
    <message>
        <source>Shared computer: each person gets a Thunderbird of her own, Thunderbird asks which person is using it at every start, and no password is stored.</source>
        <translation>Shared computer: each person gets a Thunderbird of her own, Thunderbird asks which person is using it at every start, and no password is stored.</translation>
    </message>
    <message>
        <source>Personal computer: the password can be stored so that Thunderbird asks nothing.</source>
        <translation>Personal computer: the password can be stored so that Thunderbird asks nothing.</translation>
    </message>
    <message>
        <source>(A volunteer can change this in volunteer mode.)</source>
        <translation>(A volunteer can change this in volunteer mode.)</translation>
    </message>
    <message>
        <source>Name (shown to recipients):</source>
        <translation>Name (shown to recipients):</translation>
    </message>
    <message>
        <source>E-mail address:</source>
        <translation>E-mail address:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Login name:</source>
        <translation>Login name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>e.g. Taro Yamada</source>
        <translation>e.g. Taro Yamada</translation>
    </message>
    <message>
        <source>e.g. taro@example.jp</source>
        <translation>e.g. taro@example.jp</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Show the password</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Details: login name</source>
        <translation>Details: login name</translation>
    </message>
    <message>
        <source>Usually filled in for you from the address. Change it only if the church told you a different login name.</source>
        <translation>Usually filled in for you from the address. Change it only if the church told you a different login name.</translation>
    </message>
    <message>
        <source>The church settings file could not be read: {reason}</source>
        <translation>The church settings file could not be read: {reason}</translation>
    </message>
    <message>
        <source>Settings loaded for: {organisation}</source>
        <translation>Settings loaded for: {organisation}</translation>
    </message>
    <message>
        <source>Questions: {contact}</source>
        <translation>Questions: {contact}</translation>
    </message>
    <message>
        <source>Loaded settings</source>
        <translation>Loaded settings</translation>
    </message>
    <message>
        <source>the whole address</source>
        <translation>the whole address</translation>
    </message>
    <message>
        <source>the part before @</source>
        <translation>the part before @</translation>
    </message>
    <message>
        <source>asked from the member</source>
        <translation>asked from the member</translation>
    </message>
    <message>
        <source>Address as sent to the server: {value}</source>
        <translation>Address as sent to the server: {value}</translation>
    </message>
    <message>
        <source>Address as shown: {value}</source>
        <translation>Address as shown: {value}</translation>
    </message>
    <message>
        <source>Login name from: {rule}; login name: {login}</source>
        <translation>Login name from: {rule}; login name: {login}</translation>
    </message>
    <message>
        <source>Password entered: {value}</source>
        <translation>Password entered: {value}</translation>
    </message>
    <message>
        <source>Version: {version}</source>
        <translation>Version: {version}</translation>
    </message>
    <message>
        <source>Settings file: {path}</source>
        <translation>Settings file: {path}</translation>
    </message>
    <message>
        <source>DNS server: {server}</source>
        <translation>DNS server: {server}</translation>
    </message>
    <message>
        <source>the computer&apos;s own</source>
        <translation>the computer&apos;s own</translation>
    </message>
    <message>
        <source>Additional certificate authority file: {path}</source>
        <translation>Additional certificate authority file: {path}</translation>
    </message>
    <message>
        <source>Shared computer: {shared} (set by: {source})</source>
        <translation>Shared computer: {shared} (set by: {source})</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message>
        <source>this computer&apos;s setting</source>
        <translation>this computer&apos;s setting</translation>
    </message>
    <message>
        <source>the church settings file</source>
        <translation>the church settings file</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Mail settings on this computer</source>
        <translation>Mail settings on this computer</translation>
    </message>
    <message>
        <source>The accounts in this computer&apos;s Thunderbird. A person on a shared computer has a profile of her own, which goes whole when her settings are removed.</source>
        <translation>The accounts in this computer&apos;s Thunderbird. A person on a shared computer has a profile of her own, which goes whole when her settings are removed.</translation>
    </message>
    <message>
        <source>Remove this person&apos;s settings from this computer</source>
        <translation>Remove this person&apos;s settings from this computer</translation>
    </message>
    <message>
        <source>Accounts in Thunderbird</source>
        <translation>Accounts in Thunderbird</translation>
    </message>
    <message>
        <source>{name}: no mail account</source>
        <translation>{name}: no mail account</translation>
    </message>
    <message>
        <source>profile of her own: {name}</source>
        <translation>profile of her own: {name}</translation>
    </message>
    <message>
        <source>profile: {name}</source>
        <translation>profile: {name}</translation>
    </message>
    <message>
        <source>Remove the settings of {email} from this computer? Her profile &quot;{name}&quot; is deleted whole, with any mail kept in it.</source>
        <translation>Remove the settings of {email} from this computer? Her profile &quot;{name}&quot; is deleted whole, with any mail kept in it.</translation>
    </message>
    <message>
        <source>Remove the account {email} from this computer&apos;s Thunderbird? Mail kept on this computer for it is deleted; the mail on the server stays.</source>
        <translation>Remove the account {email} from this computer&apos;s Thunderbird? Mail kept on this computer for it is deleted; the mail on the server stays.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>BasePage</name>
    <message>
        <source>Technical details (for volunteers)</source>
        <translation>Technical details (for volunteers)</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>Show technical details</translation>
    </message>
    <message>
        <source>[Practice] {title}</source>
        <translation>[Practice] {title}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>The settings could not be written: {reason}</source>
        <translation>The settings could not be written: {reason}</translation>
    </message>
    <message>
        <source>Mail program</source>
        <translation>Mail program</translation>
    </message>
    <message>
        <source>Which program do you use for e-mail?</source>
        <translation>Which program do you use for e-mail?</translation>
    </message>
    <message>
        <source>(installed)</source>
        <translation>(installed)</translation>
    </message>
    <message>
        <source>(not found on this computer)</source>
        <translation>(not found on this computer)</translation>
    </message>
    <message>
        <source>Only print or save the settings</source>
        <translation>Only print or save the settings</translation>
    </message>
    <message>
        <source>The assistant writes the checked settings into the program you choose.</source>
        <translation>The assistant writes the checked settings into the program you choose.</translation>
    </message>
    <message>
        <source>Thunderbird then keeps it in its own locked password store and asks nothing. Untick this if other people use this computer.</source>
        <translation>Thunderbird then keeps it in its own locked password store and asks nothing. Untick this if other people use this computer.</translation>
    </message>
    <message>
        <source>Thunderbird will ask for the password each time it starts.</source>
        <translation>Thunderbird will ask for the password each time it starts.</translation>
    </message>
    <message>
        <source>The mail server and your password were checked: both work.</source>
        <translation>The mail server and your password were checked: both work.</translation>
    </message>
    <message>
        <source>Save the password on this computer</source>
        <translation>Save the password on this computer</translation>
    </message>
    <message>
        <source>Thunderbird is running. Please close Thunderbird (≡ menu → {quit}, or the window&apos;s ×), then press Check again.</source>
        <translation>Thunderbird is running. Please close Thunderbird (≡ menu → {quit}, or the window&apos;s ×), then press Check again.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Check again whether Thunderbird is closed</source>
        <translation>Check again whether Thunderbird is closed</translation>
    </message>
    <message>
        <source>Thunderbird: installed: {installed}; profile folder: {profile}; running: {running}</source>
        <translation>Thunderbird: installed: {installed}; profile folder: {profile}; running: {running}</translation>
    </message>
    <message>
        <source>Outlook: installed: {installed}; output folder: {output}</source>
        <translation>Outlook: installed: {installed}; output folder: {output}</translation>
    </message>
    <message>
        <source>Account to write: {address}; login name: {login}; receiving: {incoming}; sending: {outgoing}</source>
        <translation>Account to write: {address}; login name: {login}; receiving: {incoming}; sending: {outgoing}</translation>
    </message>
    <message>
        <source>Account to write: not complete yet</source>
        <translation>Account to write: not complete yet</translation>
    </message>
</context>
<context>
    <name>Describer</name>
    <message>
        <source>Receiving (IMAP)</source>
        <translation>Receiving (IMAP)</translation>
    </message>
    <message>
        <source>Receiving (POP)</source>
        <translation>Receiving (POP)</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
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
        <translation>no encryption</translation>
    </message>
    <message>
        <source>the church&apos;s settings file</source>
        <translation>the church&apos;s settings file</translation>
    </message>
    <message>
        <source>DNS (SRV records)</source>
        <translation>DNS (SRV records)</translation>
    </message>
    <message>
        <source>the automatic configuration file (autoconfig)</source>
        <translation>the automatic configuration file (autoconfig)</translation>
    </message>
    <message>
        <source>DNS (MX record)</source>
        <translation>DNS (MX record)</translation>
    </message>
    <message>
        <source>common server names (mail. and so on)</source>
        <translation>common server names (mail. and so on)</translation>
    </message>
    <message>
        <source>the server given</source>
        <translation>the server given</translation>
    </message>
    <message>
        <source>Looked in {where}: nothing found</source>
        <translation>Looked in {where}: nothing found</translation>
    </message>
    <message>
        <source>Looked in {where}: {hosts}</source>
        <translation>Looked in {where}: {hosts}</translation>
    </message>
    <message>
        <source>{role}: {host} port {port}</source>
        <translation>{role}: {host} port {port}</translation>
    </message>
    <message>
        <source>{endpoint} — checking…</source>
        <translation>{endpoint} — checking…</translation>
    </message>
    <message>
        <source>answers, but without encryption</source>
        <translation>answers, but without encryption</translation>
    </message>
    <message>
        <source>answers, encrypted ({security}), certificate valid</source>
        <translation>answers, encrypted ({security}), certificate valid</translation>
    </message>
    <message>
        <source>encrypted, but its certificate could not be verified</source>
        <translation>encrypted, but its certificate could not be verified</translation>
    </message>
    <message>
        <source>refuses connections</source>
        <translation>refuses connections</translation>
    </message>
    <message>
        <source>does not answer</source>
        <translation>does not answer</translation>
    </message>
    <message>
        <source>name not found</source>
        <translation>name not found</translation>
    </message>
    <message>
        <source>encryption could not be started</source>
        <translation>encryption could not be started</translation>
    </message>
    <message>
        <source>does not answer like a mail server</source>
        <translation>does not answer like a mail server</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>cannot be reached</translation>
    </message>
    <message>
        <source>{endpoint} — {result}</source>
        <translation>{endpoint} — {result}</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>did not work</translation>
    </message>
    <message>
        <source>Looked in {where}: {found}</source>
        <translation>Looked in {where}: {found}</translation>
    </message>
    <message>
        <source>{protocol} {host}:{port} {security}</source>
        <translation>{protocol} {host}:{port} {security}</translation>
    </message>
    <message>
        <source>{endpoint} (priority {priority})</source>
        <translation>{endpoint} (priority {priority})</translation>
    </message>
    <message>
        <source>no answer within {ms} ms</source>
        <translation>no answer within {ms} ms</translation>
    </message>
    <message>
        <source>none of the usual names exists</source>
        <translation>none of the usual names exists</translation>
    </message>
    <message>
        <source>the web server answered with code {code}</source>
        <translation>the web server answered with code {code}</translation>
    </message>
    <message>
        <source>nothing found: {reason}</source>
        <translation>nothing found: {reason}</translation>
    </message>
    <message>
        <source>nothing found</source>
        <translation>nothing found</translation>
    </message>
    <message>
        <source>the certificate was signed by the server itself</source>
        <translation>the certificate was signed by the server itself</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>the certificate has expired</translation>
    </message>
    <message>
        <source>the certificate is for a different server name</source>
        <translation>the certificate is for a different server name</translation>
    </message>
    <message>
        <source>the certificate&apos;s issuer is not known</source>
        <translation>the certificate&apos;s issuer is not known</translation>
    </message>
    <message>
        <source>the reason is shown in the technical details</source>
        <translation>the reason is shown in the technical details</translation>
    </message>
    <message>
        <source>{role}: {host}, port {port}, {security}</source>
        <translation>{role}: {host}, port {port}, {security}</translation>
    </message>
    <message>
        <source>encryption: {security}</source>
        <translation>encryption: {security}</translation>
    </message>
    <message>
        <source>result: {status}</source>
        <translation>result: {status}</translation>
    </message>
    <message>
        <source>answers</source>
        <translation>answers</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>TLS version: {version}; certificate valid: {valid}</source>
        <translation>TLS version: {version}; certificate valid: {valid}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>certificate error (English, from the TLS library): {error}</source>
        <translation>certificate error (English, from the TLS library): {error}</translation>
    </message>
    <message>
        <source>certificate: {reason}</source>
        <translation>certificate: {reason}</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: {fingerprint}</source>
        <translation>SHA-256 fingerprint: {fingerprint}</translation>
    </message>
    <message>
        <source>login methods: {mechanisms}</source>
        <translation>login methods: {mechanisms}</translation>
    </message>
    <message>
        <source>error from the server or system (English): {error}</source>
        <translation>error from the server or system (English): {error}</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>The sheet could not be saved: {reason}</source>
        <translation>The sheet could not be saved: {reason}</translation>
    </message>
    <message>
        <source>Settings sheet saved: {path}</source>
        <translation>Settings sheet saved: {path}</translation>
    </message>
    <message>
        <source>Save the settings sheet</source>
        <translation>Save the settings sheet</translation>
    </message>
    <message>
        <source>mail-settings.pdf</source>
        <translation>mail-settings.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Web page (*.html)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Your settings were checked.</source>
        <translation>Your settings were checked.</translation>
    </message>
    <message>
        <source>Nothing was written into a mail program. Save or print the settings sheet and use it to set up your program, or give it to a volunteer.</source>
        <translation>Nothing was written into a mail program. Save or print the settings sheet and use it to set up your program, or give it to a volunteer.</translation>
    </message>
    <message>
        <source>The practice is finished.</source>
        <translation>The practice is finished.</translation>
    </message>
    <message>
        <source>This was practice: nothing was written into {program}, and your mail is not set up yet. To set it up for real, ask a volunteer to start the assistant without practice.</source>
        <translation>This was practice: nothing was written into {program}, and your mail is not set up yet. To set it up for real, ask a volunteer to start the assistant without practice.</translation>
    </message>
    <message>
        <source>Your e-mail is set up in {program}.</source>
        <translation>Your e-mail is set up in {program}.</translation>
    </message>
    <message>
        <source>{program} already had these settings for {address}: nothing needed to change.</source>
        <translation>{program} already had these settings for {address}: nothing needed to change.</translation>
    </message>
    <message>
        <source>The account {address} was written into {program}, in a profile of its own named &quot;{name}&quot;.</source>
        <translation>The account {address} was written into {program}, in a profile of its own named &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>The account {address} was written into {program}.</source>
        <translation>The account {address} was written into {program}.</translation>
    </message>
    <message>
        <source>Set up the next person</source>
        <translation>Set up the next person</translation>
    </message>
    <message>
        <source>Set up the next person: everything of this person is cleared</source>
        <translation>Set up the next person: everything of this person is cleared</translation>
    </message>
    <message>
        <source>You can save or print the sheet to see what would be set up.</source>
        <translation>You can save or print the sheet to see what would be set up.</translation>
    </message>
    <message>
        <source>Written to: {path}</source>
        <translation>Written to: {path}</translation>
    </message>
    <message>
        <source>Keep a settings sheet with your papers: it lists the servers and your login name (never the password).</source>
        <translation>Keep a settings sheet with your papers: it lists the servers and your login name (never the password).</translation>
    </message>
    <message>
        <source>Save settings sheet…</source>
        <translation>Save settings sheet…</translation>
    </message>
    <message>
        <source>Save the settings sheet as a file</source>
        <translation>Save the settings sheet as a file</translation>
    </message>
    <message>
        <source>Print settings sheet…</source>
        <translation>Print settings sheet…</translation>
    </message>
    <message>
        <source>Print the settings sheet</source>
        <translation>Print the settings sheet</translation>
    </message>
    <message>
        <source>Next: set up your mail program with the values on the sheet.</source>
        <translation>Next: set up your mail program with the values on the sheet.</translation>
    </message>
    <message>
        <source>If something does not work, contact: {contact}</source>
        <translation>If something does not work, contact: {contact}</translation>
    </message>
    <message>
        <source>Press &quot;Open Thunderbird&quot; at the bottom right.</source>
        <translation>Press &quot;Open Thunderbird&quot; at the bottom right.</translation>
    </message>
    <message>
        <source>Next: start Outlook. Outlook keeps the password itself, so it asks for it once, in a window titled &quot;{title}&quot;: type the password, tick &quot;Remember my credentials&quot; and press {ok}. After that it does not ask again.</source>
        <translation>Next: start Outlook. Outlook keeps the password itself, so it asks for it once, in a window titled &quot;{title}&quot;: type the password, tick &quot;Remember my credentials&quot; and press {ok}. After that it does not ask again.</translation>
    </message>
    <message>
        <source>Important: you trusted the server&apos;s certificate here by its fingerprint, but your mail program does not know that. At its first connection it warns about the certificate. Accept it only if the fingerprint (SHA-256) it shows is the same as the one below; otherwise ask a volunteer.</source>
        <translation>Important: you trusted the server&apos;s certificate here by its fingerprint, but your mail program does not know that. At its first connection it warns about the certificate. Accept it only if the fingerprint (SHA-256) it shows is the same as the one below; otherwise ask a volunteer.</translation>
    </message>
    <message>
        <source>{host} port {port}:</source>
        <translation>{host} port {port}:</translation>
    </message>
    <message>
        <source>Mail program: {client}</source>
        <translation>Mail program: {client}</translation>
    </message>
    <message>
        <source>Backup: {path}</source>
        <translation>Backup: {path}</translation>
    </message>
    <message>
        <source>Password stored in Thunderbird&apos;s own store: {saved}</source>
        <translation>Password stored in Thunderbird&apos;s own store: {saved}</translation>
    </message>
    <message>
        <source>Changes, as the writer reports them (settings names are English):</source>
        <translation>Changes, as the writer reports them (settings names are English):</translation>
    </message>
</context>
<context>
    <name>FileDialogTexts</name>
    <message>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>{role}: checking…</source>
        <translation>{role}: checking…</translation>
    </message>
    <message>
        <source>{role}: waiting</source>
        <translation>{role}: waiting</translation>
    </message>
    <message>
        <source>{role}: failed — {message}</source>
        <translation>{role}: failed — {message}</translation>
    </message>
    <message>
        <source>{role}: logged in. Your inbox has {count} messages.</source>
        <translation>{role}: logged in. Your inbox has {count} messages.</translation>
    </message>
    <message>
        <source>{role}: logged in.</source>
        <translation>{role}: logged in.</translation>
    </message>
    <message>
        <source>{role}: the server accepted your password for sending. No mail was sent.</source>
        <translation>{role}: the server accepted your password for sending. No mail was sent.</translation>
    </message>
    <message>
        <source>Checking your password with the server…</source>
        <translation>Checking your password with the server…</translation>
    </message>
    <message>
        <source>Receiving and sending work with your password. Press Next.</source>
        <translation>Receiving and sending work with your password. Press Next.</translation>
    </message>
    <message>
        <source>The password was not accepted.</source>
        <translation>The password was not accepted.</translation>
    </message>
    <message>
        <source>The check did not succeed. Press Check again, or ask a volunteer and show them the technical details.</source>
        <translation>The check did not succeed. Press Check again, or ask a volunteer and show them the technical details.</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>The church&apos;s contact: {contact}</translation>
    </message>
    <message>
        <source>Checking the login</source>
        <translation>Checking the login</translation>
    </message>
    <message>
        <source>Your password is tried for receiving and for sending, exactly as your mail program will do it.</source>
        <translation>Your password is tried for receiving and for sending, exactly as your mail program will do it.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Check the login again</source>
        <translation>Check the login again</translation>
    </message>
    <message>
        <source>Progress of the login check</source>
        <translation>Progress of the login check</translation>
    </message>
    <message>
        <source>Why sending needs your password</source>
        <translation>Why sending needs your password</translation>
    </message>
    <message>
        <source>{role}: {spec}; login name: {login}; result: {result} (code {code}); login method: {mechanism}; encryption: {security}</source>
        <translation>{role}: {spec}; login name: {login}; result: {result} (code {code}); login method: {mechanism}; encryption: {security}</translation>
    </message>
    <message>
        <source>Folders: {folders}</source>
        <translation>Folders: {folders}</translation>
    </message>
</context>
<context>
    <name>MailWizard</name>
    <message>
        <source>Check the server first: there is nothing to export yet.</source>
        <translation>Check the server first: there is nothing to export yet.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Mail setup assistant</source>
        <translation>Mail setup assistant</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Write the settings</source>
        <translation>Write the settings</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Show the settings to print or save</source>
        <translation>Show the settings to print or save</translation>
    </message>
    <message>
        <source>Open Thunderbird</source>
        <translation>Open Thunderbird</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Mail setup assistant — practice (nothing is written)</source>
        <translation>Mail setup assistant — practice (nothing is written)</translation>
    </message>
    <message>
        <source>Volunteer mode (technical details)</source>
        <translation>Volunteer mode (technical details)</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Copy diagnostics for a technician (in English, without the password)</source>
        <translation>Copy diagnostics for a technician (in English, without the password)</translation>
    </message>
    <message>
        <source>Mail settings on this computer…</source>
        <translation>Mail settings on this computer…</translation>
    </message>
    <message>
        <source>Export church settings profile…</source>
        <translation>Export church settings profile…</translation>
    </message>
    <message>
        <source>Export autoconfig XML…</source>
        <translation>Export autoconfig XML…</translation>
    </message>
    <message>
        <source>Export iPhone/iPad profile (mobileconfig)…</source>
        <translation>Export iPhone/iPad profile (mobileconfig)…</translation>
    </message>
    <message>
        <source>Close the assistant?</source>
        <translation>Close the assistant?</translation>
    </message>
    <message>
        <source>What you have typed will be lost.</source>
        <translation>What you have typed will be lost.</translation>
    </message>
    <message>
        <source>Go on with the setup</source>
        <translation>Go on with the setup</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ProtocolPage</name>
    <message>
        <source>POP and IMAP</source>
        <translation>POP and IMAP</translation>
    </message>
    <message>
        <source>Where should your mail be kept? Read below, then choose.</source>
        <translation>Where should your mail be kept? Read below, then choose.</translation>
    </message>
    <message>
        <source>Diagram: IMAP and POP</source>
        <translation>Diagram: IMAP and POP</translation>
    </message>
    <message>
        <source>With IMAP the mail stays on the church&apos;s server and the computer, the phone and WebMail all show the same mail. With POP the mail is moved into one computer.</source>
        <translation>With IMAP the mail stays on the church&apos;s server and the computer, the phone and WebMail all show the same mail. With POP the mail is moved into one computer.</translation>
    </message>
    <message>
        <source>IMAP: keep mail on the server (recommended)</source>
        <translation>IMAP: keep mail on the server (recommended)</translation>
    </message>
    <message>
        <source>POP: move mail into this computer</source>
        <translation>POP: move mail into this computer</translation>
    </message>
    <message>
        <source>This is a shared church computer: only IMAP is suitable, so the mail stays on the server.</source>
        <translation>This is a shared church computer: only IMAP is suitable, so the mail stays on the server.</translation>
    </message>
    <message>
        <source>Leave mail on the server</source>
        <translation>Leave mail on the server</translation>
    </message>
    <message>
        <source>Keep this on: otherwise mail read here disappears from the server, and WebMail, your phone or a later change to IMAP can no longer see it.</source>
        <translation>Keep this on: otherwise mail read here disappears from the server, and WebMail, your phone or a later change to IMAP can no longer see it.</translation>
    </message>
    <message>
        <source>Explanation of POP and IMAP</source>
        <translation>Explanation of POP and IMAP</translation>
    </message>
    <message>
        <source>IMAP: port 993 (SSL/TLS from the start, RFC 8314) or 143 with STARTTLS</source>
        <translation>IMAP: port 993 (SSL/TLS from the start, RFC 8314) or 143 with STARTTLS</translation>
    </message>
    <message>
        <source>POP3: port 995 (SSL/TLS from the start) or 110 with STLS</source>
        <translation>POP3: port 995 (SSL/TLS from the start) or 110 with STLS</translation>
    </message>
    <message>
        <source>Sending (SMTP): port 465 (SSL/TLS from the start) or 587 with STARTTLS, with SMTP AUTH</source>
        <translation>Sending (SMTP): port 465 (SSL/TLS from the start) or 587 with STARTTLS, with SMTP AUTH</translation>
    </message>
    <message>
        <source>Chosen: {protocol}; shared PC: {shared}; leave mail on the server: {leave}</source>
        <translation>Chosen: {protocol}; shared PC: {shared}; leave mail on the server: {leave}</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <source>The server {host} (port {port}) uses encryption, but its certificate could not be verified ({error}).
This can mean the church uses its own certificate, or that someone is pretending to be the server. Trust it only if this fingerprint is the one your church&apos;s volunteer gave you:
{fingerprint}</source>
        <translation>The server {host} (port {port}) uses encryption, but its certificate could not be verified ({error}).
This can mean the church uses its own certificate, or that someone is pretending to be the server. Trust it only if this fingerprint is the one your church&apos;s volunteer gave you:
{fingerprint}</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
    <message>
        <source>Do not trust</source>
        <translation>Do not trust</translation>
    </message>
    <message>
        <source>Warning: the server {hosts} offers no encryption. Your password and your mail would travel readable for anyone on the network.
Continue only if the church&apos;s volunteer confirmed that this server has no encryption yet.</source>
        <translation>Warning: the server {hosts} offers no encryption. Your password and your mail would travel readable for anyone on the network.
Continue only if the church&apos;s volunteer confirmed that this server has no encryption yet.</translation>
    </message>
    <message>
        <source>Continue without encryption</source>
        <translation>Continue without encryption</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Stop here</translation>
    </message>
    <message>
        <source>To keep your password safe, stop here and contact the church.</source>
        <translation>To keep your password safe, stop here and contact the church.</translation>
    </message>
    <message>
        <source>Looking for your mail server and checking it…</source>
        <translation>Looking for your mail server and checking it…</translation>
    </message>
    <message>
        <source>Please answer the question below.</source>
        <translation>Please answer the question below.</translation>
    </message>
    <message>
        <source>The check was stopped. Press Check again to restart it.</source>
        <translation>The check was stopped. Press Check again to restart it.</translation>
    </message>
    <message>
        <source>The mail server was found and works. Next, your password is checked.</source>
        <translation>The mail server was found and works. Next, your password is checked.</translation>
    </message>
    <message>
        <source>No working mail server was found for this address. Check the address and the internet connection, then press Check again.</source>
        <translation>No working mail server was found for this address. Check the address and the internet connection, then press Check again.</translation>
    </message>
    <message>
        <source>Without your consent the assistant cannot use this server. Ask the church&apos;s volunteer, then press Check again.</source>
        <translation>Without your consent the assistant cannot use this server. Ask the church&apos;s volunteer, then press Check again.</translation>
    </message>
    <message>
        <source>Yes, send it there</source>
        <translation>Yes, send it there</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>The assistant could not confirm that this really is the church&apos;s mail server.</source>
        <translation>The assistant could not confirm that this really is the church&apos;s mail server.</translation>
    </message>
    <message>
        <source>The church&apos;s mail server would receive your password without protecting it.</source>
        <translation>The church&apos;s mail server would receive your password without protecting it.</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>The church&apos;s contact: {contact}</translation>
    </message>
    <message>
        <source>Ask the church&apos;s volunteer for help.</source>
        <translation>Ask the church&apos;s volunteer for help.</translation>
    </message>
    <message>
        <source>The church has confirmed this server&apos;s certificate.</source>
        <translation>The church has confirmed this server&apos;s certificate.</translation>
    </message>
    <message>
        <source>The church decided to use its old server without encryption.</source>
        <translation>The church decided to use its old server without encryption.</translation>
    </message>
    <message>
        <source>Please stop here and contact the church (see below).</source>
        <translation>Please stop here and contact the church (see below).</translation>
    </message>
    <message>
        <source>The check failed unexpectedly. Press Check again; if it happens again, ask a volunteer.</source>
        <translation>The check failed unexpectedly. Press Check again; if it happens again, ask a volunteer.</translation>
    </message>
    <message>
        <source>Without encryption, as you allowed.</source>
        <translation>Without encryption, as you allowed.</translation>
    </message>
    <message>
        <source>Certificate trusted by its fingerprint.</source>
        <translation>Certificate trusted by its fingerprint.</translation>
    </message>
    <message>
        <source>There is no mail server for the part of your address after the @. Please check the address for a typing mistake.</source>
        <translation>There is no mail server for the part of your address after the @. Please check the address for a typing mistake.</translation>
    </message>
    <message>
        <source>The church&apos;s mail server is not answering just now. Your address is probably right. Press Check again later, or call the church.</source>
        <translation>The church&apos;s mail server is not answering just now. Your address is probably right. Press Check again later, or call the church.</translation>
    </message>
    <message>
        <source>Checking the server</source>
        <translation>Checking the server</translation>
    </message>
    <message>
        <source>The assistant finds the church&apos;s mail server and checks that it is safe. It takes a few seconds.</source>
        <translation>The assistant finds the church&apos;s mail server and checks that it is safe. It takes a few seconds.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop the check</source>
        <translation>Stop the check</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>List of checks</source>
        <translation>List of checks</translation>
    </message>
    <message>
        <source>Progress of the check</source>
        <translation>Progress of the check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Domain: {domain}; time taken: {ms} ms</source>
        <translation>Domain: {domain}; time taken: {ms} ms</translation>
    </message>
</context>
<context>
    <name>TrustPage</name>
    <message>
        <source>This settings file cannot be used for this address.</source>
        <translation>This settings file cannot be used for this address.</translation>
    </message>
    <message>
        <source>Stop here, or confirm that the church gave you this file.</source>
        <translation>Stop here, or confirm that the church gave you this file.</translation>
    </message>
    <message>
        <source>Check the settings file</source>
        <translation>Check the settings file</translation>
    </message>
    <message>
        <source>Your password goes only to servers your church vouches for.</source>
        <translation>Your password goes only to servers your church vouches for.</translation>
    </message>
    <message>
        <source>Stop here</source>
        <translation>Stop here</translation>
    </message>
    <message>
        <source>The church gave me this file: use it</source>
        <translation>The church gave me this file: use it</translation>
    </message>
    <message>
        <source>This settings file has no signature of the church: anyone can write such a file and send it by e-mail.
File: {source}</source>
        <translation>This settings file has no signature of the church: anyone can write such a file and send it by e-mail.
File: {source}</translation>
    </message>
    <message>
        <source>Your password would be sent to:</source>
        <translation>Your password would be sent to:</translation>
    </message>
    <message>
        <source>If you are not sure that the church gave you this file, stop here and ask the church.</source>
        <translation>If you are not sure that the church gave you this file, stop here and ask the church.</translation>
    </message>
    <message>
        <source>The church&apos;s contact: {contact}</source>
        <translation>The church&apos;s contact: {contact}</translation>
    </message>
    <message>
        <source>Trust: {trust}; signature: {signature}; file: {source}</source>
        <translation>Trust: {trust}; signature: {signature}; file: {source}</translation>
    </message>
</context>
</TS>
