"""What a timed-out wait was for (``net.step.*``, the ``step`` of a Timeout): the phrase a
person reads inside ``net.timeout``; ``detail`` keeps the stable machine words."""

MESSAGES: dict[str, tuple[str, str]] = {
    "net.step.tls_handshake": ("暗号化（TLS）の開始", "TLS handshake"),
    "net.step.greeting": ("サーバーの最初の応答", "the server's greeting"),
    "net.step.read": ("サーバーからの応答", "the server's answer"),
    "net.step.send": ("サーバーへの送信", "sending to the server"),
    "net.step.connect": ("{where} への接続", "connecting to {where}"),
    "net.step.dns": ("DNS での「{name}」の問い合わせ", "the DNS lookup of {name}"),
    "net.step.other": ("サーバーとの通信", "talking to the server"),
}
