"""A real headless Thunderbird as the judge of what `apply` wrote (test-only).

`run_thunderbird(profile, endpoints, ...)` copies nothing itself: the caller passes a COPY of
the profile. It starts, inside a private network namespace (``unshare -n``, loopback only),
this module as a runner that

1. imports a per-test CA into the copy's cert9.db and stores a dummy test password for each
   server in logins.json, both through Thunderbird's own libnss3 (ctypes), so that TLS
   completes and Thunderbird logs in without a prompt (then the username is on the wire);
2. appends test-only prefs to the copy's user.js (every host name resolves to 127.0.0.1,
   online at start, no background fetches, Marionette on a port);
3. serves every configured port with a small recording IMAP/POP3/SMTP server that notes, per
   connection: implicit TLS or not, SNI, the plaintext commands before TLS, and the username
   of AUTH PLAIN/LOGIN/USER (never the password);
4. starts Thunderbird (own session, HOME in scratch), waits for the expected logins, asks it
   through Marionette to read back its accounts and to `verifyLogon` each SMTP server, then
   kills the whole process group.

The runner writes one JSON result. Nothing leaves 127.0.0.1: the namespace has no other
interface.
"""

from __future__ import annotations

import base64
import contextlib
import ctypes
import json
import os
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

TB_DIR = Path("/usr/lib/thunderbird")
TB_BIN = TB_DIR / "thunderbird"
TEST_PASSWORD = "test-only-dummy-password"  # fake: only the recording server sees it
MAX_LINE = 65536

TEST_PREFS: dict[str, object] = {
    "offline.autoDetect": False,
    "offline.startup_state": 2,
    "network.manage-offline-status": False,
    "network.dns.forceResolve": "127.0.0.1",
    "mailnews.start_page.enabled": False,
    "mail.inappnotifications.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "network.connectivity-service.enabled": False,
    "extensions.update.enabled": False,
    "app.update.enabled": False,
    "mail.shell.checkDefaultClient": False,
    "marionette.enabled": True,
}


# --------------------------------------------------------------------------- caller side

def run_thunderbird(profile: Path, work: Path, endpoints: dict[int, str], *, ca_pem: Path,
                    cert: Path, key: Path, logins: list[tuple[str, str]],
                    expect_ports: list[int], smtp: dict[str, int], timeout: float = 60.0,
                    pass_profile: bool = True, relays: dict[int, str] | None = None,
                    passwords: dict[str, str] | None = None,
                    wait_inbox: int | None = None,
                    wait_files: list[tuple[Path, str, int]] | None = None,
                    linger: float = 0.0, store_logins: bool = True,
                    import_ca: bool = True, script: str | None = None,
                    read_back: bool = True) -> dict[str, Any]:
    """Run the check on ``profile`` (a copy!) and return the runner's JSON result.

    ``endpoints``: port → "imap" | "pop3" | "smtp" (every port the profile uses).
    ``logins``: (origin such as "imap://mail.church.test", username) to store.
    ``expect_ports``: incoming ports that must see a login before Marionette runs.
    ``smtp``: SMTP server key → port; Marionette makes each verifyLogon, and the run waits
    until each port saw a login (or the timeout).
    ``pass_profile=False`` starts Thunderbird without ``--profile``: it must then find
    ``profile`` itself through ``work/home``'s profiles.ini.
    ``relays``: port → Unix socket path (see :class:`UnixRelay`): that port is not recorded
    but forwarded to a real server outside the namespace. ``passwords``: origin → password
    to store instead of the dummy. ``wait_inbox``: poll until every mail account's Inbox
    holds at least this many messages (a real login and fetch). ``wait_files``: (log file,
    text, count): also wait until the file holds the text more than ``count`` times (a real
    server's log), so that Thunderbird is not killed before it got that far. ``linger``:
    seconds to keep Thunderbird running after all that (a conversation in progress, such as
    SMTP AUTH that a server logs only at disconnect, can finish). ``store_logins=False``
    leaves the profile's own logins.json alone (what `apply --save-password` wrote is then
    the only password Thunderbird has); ``import_ca=False`` leaves cert9.db alone (a pinned
    self-signed server must then pass through cert_override.txt alone). ``script``: chrome
    JavaScript run through Marionette's ExecuteAsyncScript after the read-back (it calls its
    last argument with a JSON value: ``result["script"]``). Thunderbird's TMPDIR is
    ``work/tmp``, so a test can look there too. ``read_back=False``: no Marionette at all
    (it would hang behind the password prompt a profile without a password brings up).
    """
    spec = {
        "profile": str(profile), "home": str(work / "home"),
        "endpoints": {str(p): proto for p, proto in endpoints.items()},
        "ca_pem": str(ca_pem), "cert": str(cert), "key": str(key),
        "logins": logins, "expect_ports": expect_ports, "smtp": smtp,
        "timeout": timeout, "pass_profile": pass_profile,
        "relays": {str(p): path for p, path in (relays or {}).items()},
        "passwords": passwords or {}, "wait_inbox": wait_inbox,
        "wait_files": [[str(f), text, count] for f, text, count in (wait_files or [])],
        "linger": linger, "store_logins": store_logins, "import_ca": import_ca,
        "script": script, "tmp": str(work / "tmp"), "read_back": read_back,
        "out": str(work / "result.json"), "log": str(work / "tb.log"),
    }
    (work / "home").mkdir(parents=True, exist_ok=True)
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    spec_file = work / "spec.json"
    spec_file.write_text(json.dumps(spec))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = ["unshare", "-n", "sh", "-c",
               'ip link set lo up && exec "$0" "$1" "$2"',
               sys.executable, str(Path(__file__).resolve()), str(spec_file)]
    subprocess.run(command, env=env, timeout=timeout + 60, check=True, start_new_session=True)
    result: dict[str, Any] = json.loads((work / "result.json").read_text())
    return result


def copy_profile(source: Path, destination: Path) -> Path:
    """A copy for Thunderbird to run on (it rewrites prefs.js while it runs)."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("*.bak"))
    return destination


# --------------------------------------------------------------------------- NSS (ctypes)

class _SECItem(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("data", ctypes.POINTER(ctypes.c_ubyte)),
                ("len", ctypes.c_uint)]


class _CertTrust(ctypes.Structure):
    _fields_ = [("ssl", ctypes.c_uint), ("email", ctypes.c_uint), ("objsign", ctypes.c_uint)]


def _item(data: bytes) -> _SECItem:
    buffer = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
    return _SECItem(0, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)), len(data))


def prepare_nss(profile: Path, ca_pem: Path | None, logins: list[tuple[str, str]] | None,
                passwords: dict[str, str]) -> None:
    """CA into cert9.db (trust C,,) and SDR-encrypted logins into logins.json (each
    skipped when None)."""
    ctypes.CDLL(str(TB_DIR / "libnssutil3.so"), mode=ctypes.RTLD_GLOBAL)
    nss = ctypes.CDLL(str(TB_DIR / "libnss3.so"), mode=ctypes.RTLD_GLOBAL)
    nss.NSS_InitReadWrite.argtypes = [ctypes.c_char_p]
    if nss.NSS_InitReadWrite(f"sql:{profile}".encode()) != 0:
        raise RuntimeError("NSS_InitReadWrite failed")
    nss.PK11_GetInternalKeySlot.restype = ctypes.c_void_p
    slot = nss.PK11_GetInternalKeySlot()
    nss.PK11_NeedUserInit.argtypes = [ctypes.c_void_p]
    nss.PK11_InitPin.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p]
    if nss.PK11_NeedUserInit(ctypes.c_void_p(slot)):
        nss.PK11_InitPin(ctypes.c_void_p(slot), None, b"")
    if ca_pem is not None:
        _import_ca(nss, ca_pem)
    if logins is not None:
        _store_logins(nss, profile, logins, passwords)
    nss.NSS_Shutdown()


def _import_ca(nss: Any, ca_pem: Path) -> None:
    pem = ca_pem.read_text()
    der = ssl.PEM_cert_to_DER_cert(pem[: pem.index("-----END CERTIFICATE-----") + 25])
    nss.CERT_GetDefaultCertDB.restype = ctypes.c_void_p
    certdb = nss.CERT_GetDefaultCertDB()
    der_item = _item(der)
    der_items = (ctypes.POINTER(_SECItem) * 1)(ctypes.pointer(der_item))
    returned = ctypes.POINTER(ctypes.c_void_p)()
    nss.CERT_ImportCerts.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint,
                                     ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int,
                                     ctypes.c_int, ctypes.c_char_p]
    status = nss.CERT_ImportCerts(certdb, 3, 1, der_items, ctypes.byref(returned), 1, 0,
                                  b"mail-assistant test CA")
    if status != 0:
        raise RuntimeError("CERT_ImportCerts failed")
    trust = _CertTrust()
    nss.CERT_DecodeTrustString.argtypes = [ctypes.POINTER(_CertTrust), ctypes.c_char_p]
    nss.CERT_DecodeTrustString(ctypes.byref(trust), b"C,,")
    nss.CERT_ChangeCertTrust.argtypes = [ctypes.c_void_p, ctypes.c_void_p,
                                         ctypes.POINTER(_CertTrust)]
    if nss.CERT_ChangeCertTrust(certdb, returned[0], ctypes.byref(trust)) != 0:
        raise RuntimeError("CERT_ChangeCertTrust failed")
    nss.CERT_DestroyCertArray.argtypes = [ctypes.c_void_p, ctypes.c_uint]
    nss.CERT_DestroyCertArray(returned, 1)


def _store_logins(nss: Any, profile: Path, logins: list[tuple[str, str]],
                  passwords: dict[str, str]) -> None:
    nss.PK11SDR_Encrypt.argtypes = [ctypes.POINTER(_SECItem)] * 3 + [ctypes.c_void_p]
    nss.SECITEM_FreeItem.argtypes = [ctypes.POINTER(_SECItem), ctypes.c_int]

    def encrypt(text: str) -> str:
        keyid, result = _SECItem(0, None, 0), _SECItem(0, None, 0)
        data = _item(text.encode("utf-8"))
        if nss.PK11SDR_Encrypt(ctypes.byref(keyid), ctypes.byref(data), ctypes.byref(result),
                               None) != 0:
            raise RuntimeError("PK11SDR_Encrypt failed")
        out = base64.b64encode(ctypes.string_at(result.data, result.len)).decode()
        nss.SECITEM_FreeItem(ctypes.byref(result), 0)
        return out

    now = int(time.time() * 1000)
    entries = []
    for n, (origin, user) in enumerate(logins, start=1):
        entries.append({
            "id": n, "hostname": origin, "httpRealm": origin, "formSubmitURL": None,
            "usernameField": "", "passwordField": "",
            "encryptedUsername": encrypt(user),
            "encryptedPassword": encrypt(passwords.get(origin, TEST_PASSWORD)),
            "guid": "{" + str(uuid.uuid4()) + "}", "encType": 1, "timeCreated": now,
            "timeLastUsed": now, "timePasswordChanged": now, "timesUsed": 1,
        })
    (profile / "logins.json").write_text(json.dumps({
        "nextId": len(entries) + 1, "logins": entries, "potentiallyVulnerablePasswords": [],
        "dismissedBreachAlertsByLoginGUID": {}, "version": 3}))


# --------------------------------------------------------------------------- recording server

class _Conn:
    """A socket with bounded line reads that can be upgraded to TLS in place."""

    def __init__(self, sock: socket.socket, record: dict[str, Any], cert: str, key: str) -> None:
        self.sock: socket.socket = sock
        self.record = record
        self.cert, self.key = cert, key
        self.buffer = b""

    def start_tls(self) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(self.cert, self.key)

        def remember(_sock: ssl.SSLObject, name: str | None, _ctx: ssl.SSLContext) -> None:
            self.record["sni"] = name

        context.sni_callback = remember
        self.sock = context.wrap_socket(self.sock, server_side=True)
        self.record["tls_version"] = self.sock.version()

    def send(self, *lines: str) -> None:
        self.sock.sendall("".join(line + "\r\n" for line in lines).encode("utf-8"))

    def readline(self) -> str | None:
        while b"\n" not in self.buffer:
            if len(self.buffer) > MAX_LINE:
                return None
            chunk = self.sock.recv(4096)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.rstrip(b"\r").decode("utf-8", "replace")


def _plain_user(b64: str) -> str:
    parts = base64.b64decode(b64 + "=" * (-len(b64) % 4)).split(b"\0")
    return parts[1].decode("utf-8", "replace") if len(parts) == 3 else "?"


def _note(conn: _Conn, verb: str) -> None:
    record = conn.record
    if record["tls"] is None:
        record["plain_commands"].append(verb.upper())


def _imap(conn: _Conn) -> None:
    def caps() -> str:
        return "IMAP4rev1 AUTH=PLAIN IDLE" + ("" if conn.record["tls"] else " STARTTLS")

    conn.send(f"* OK [CAPABILITY {caps()}] test server ready")
    while (line := conn.readline()) is not None:
        tag, _, rest = line.partition(" ")
        verb, _, args = rest.partition(" ")
        verb = verb.upper()
        _note(conn, verb)
        if verb == "CAPABILITY":
            conn.send(f"* CAPABILITY {caps()}", f"{tag} OK done")
        elif verb == "STARTTLS" and not conn.record["tls"]:
            conn.send(f"{tag} OK begin TLS")
            conn.start_tls()
            conn.record["tls"] = "starttls"
        elif verb == "AUTHENTICATE":
            initial = args.split(" ")[1] if " " in args else None
            if initial is None:
                conn.send("+ ")
                initial = conn.readline() or ""
            conn.record["user"] = _plain_user(initial)
            conn.send(f"{tag} OK authenticated")
        elif verb == "LOGIN":
            conn.record["user"] = args.split(" ")[0].strip('"')
            conn.send(f"{tag} OK logged in")
        elif verb == "IDLE":
            conn.send("+ idling")
            conn.readline()
            conn.send(f"{tag} OK idle done")
        elif verb == "LIST":
            conn.send('* LIST (\\HasNoChildren) "/" INBOX', f"{tag} OK done")
        elif verb in ("SELECT", "EXAMINE"):
            conn.send("* 0 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 1] ok",
                      f"{tag} OK [READ-WRITE] done")
        elif verb == "LOGOUT":
            conn.send("* BYE", f"{tag} OK bye")
            return
        else:
            conn.send(f"{tag} OK done")


def _pop3(conn: _Conn) -> None:
    conn.send("+OK test server ready")
    while (line := conn.readline()) is not None:
        verb, _, args = line.partition(" ")
        verb = verb.upper()
        _note(conn, verb)
        if verb == "CAPA":
            conn.send("+OK", "USER", "SASL PLAIN", "UIDL",
                      *([] if conn.record["tls"] else ["STLS"]), ".")
        elif verb == "STLS" and not conn.record["tls"]:
            conn.send("+OK begin TLS")
            conn.start_tls()
            conn.record["tls"] = "starttls"
        elif verb == "AUTH" and args:
            parts = args.split(" ")
            initial = parts[1] if len(parts) > 1 else None
            if initial is None:
                conn.send("+ ")
                initial = conn.readline() or ""
            conn.record["user"] = _plain_user(initial)
            conn.send("+OK authenticated")
        elif verb == "AUTH":
            conn.send("+OK", "PLAIN", ".")
        elif verb == "USER":
            conn.record["user"] = args
            conn.send("+OK")
        elif verb == "STAT":
            conn.send("+OK 0 0")
        elif verb in ("LIST", "UIDL"):
            conn.send("+OK", ".")
        elif verb == "QUIT":
            conn.send("+OK bye")
            return
        else:
            conn.send("+OK")


def _smtp(conn: _Conn) -> None:
    conn.send("220 test ESMTP")
    while (line := conn.readline()) is not None:
        verb, _, args = line.partition(" ")
        verb = verb.upper()
        _note(conn, verb)
        if verb in ("EHLO", "HELO"):
            conn.send("250-test", "250-AUTH PLAIN LOGIN",
                      *([] if conn.record["tls"] else ["250-STARTTLS"]), "250 8BITMIME")
        elif verb == "STARTTLS" and not conn.record["tls"]:
            conn.send("220 go ahead")
            conn.start_tls()
            conn.record["tls"] = "starttls"
        elif verb == "AUTH":
            mechanism, _, initial = args.partition(" ")
            if mechanism.upper() == "PLAIN":
                if not initial:
                    conn.send("334 ")
                    initial = conn.readline() or ""
                conn.record["user"] = _plain_user(initial)
            else:  # LOGIN
                if not initial:
                    conn.send("334 VXNlcm5hbWU6")
                    initial = conn.readline() or ""
                conn.record["user"] = base64.b64decode(initial).decode("utf-8", "replace")
                conn.send("334 UGFzc3dvcmQ6")
                conn.readline()
            conn.send("235 authenticated")
        elif verb == "QUIT":
            conn.send("221 bye")
            return
        elif verb == "DATA":  # accepted (and dropped), so that a send completes
            conn.send("354 go ahead")
            while (data := conn.readline()) is not None and data != ".":
                pass
            conn.send("250 queued")
        else:
            conn.send("250 ok")


_HANDLERS: dict[str, Callable[[_Conn], None]] = {"imap": _imap, "pop3": _pop3, "smtp": _smtp}


class Recorder:
    """Listens on 127.0.0.1 for every configured port and records each connection."""

    def __init__(self, endpoints: dict[int, str], cert: str, key: str) -> None:
        self.records: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.cert, self.key = cert, key
        self.listeners = []
        for port, protocol in endpoints.items():
            listener = socket.create_server(("127.0.0.1", port), reuse_port=False)
            self.listeners.append(listener)
            threading.Thread(target=self._accept, args=(listener, port, protocol),
                             daemon=True).start()

    def _accept(self, listener: socket.socket, port: int, protocol: str) -> None:
        while True:
            try:
                sock, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock, port, protocol), daemon=True).start()

    def _serve(self, sock: socket.socket, port: int, protocol: str) -> None:
        record: dict[str, Any] = {"port": port, "protocol": protocol, "tls": None, "sni": None,
                                  "plain_commands": [], "user": None, "error": None}
        with self.lock:
            self.records.append(record)
        sock.settimeout(20)
        conn = _Conn(sock, record, self.cert, self.key)
        try:
            ready, _, _ = select.select([sock], [], [], 0.7)
            if ready and sock.recv(1, socket.MSG_PEEK) == b"\x16":
                conn.start_tls()
                record["tls"] = "implicit"
            _HANDLERS[protocol](conn)
        except (OSError, ValueError) as exc:
            record["error"] = type(exc).__name__
        finally:
            with contextlib.suppress(OSError):
                conn.sock.close()

    def users_seen(self) -> set[int]:
        with self.lock:
            return {r["port"] for r in self.records if r["user"]}


# --------------------------------------------------------------------------- Marionette

class Marionette:
    """Just enough of the Marionette protocol: ``len:json`` frames."""

    def __init__(self, port: int, deadline: float) -> None:
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        self.sock.settimeout(30)
        self.buffer = b""
        self.next_id = 0
        self._read()  # greeting

    def _read(self) -> Any:
        while b":" not in self.buffer:
            self.buffer += self._recv()
        size_text, _, rest = self.buffer.partition(b":")
        size = int(size_text)
        while len(rest) < size:
            rest += self._recv()
        self.buffer = rest[size:]
        return json.loads(rest[:size])

    def _recv(self) -> bytes:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise OSError("marionette closed")
        return chunk

    def call(self, name: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        body = json.dumps([0, self.next_id, name, params]).encode()
        self.sock.sendall(str(len(body)).encode() + b":" + body)
        while True:
            reply = self._read()
            if reply[0] == 1 and reply[1] == self.next_id:
                if reply[2]:
                    raise RuntimeError(f"marionette {name}: {reply[2]}")
                return reply[3]


READ_BACK = """
const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
const accounts = MailServices.accounts.accounts.map(a => {
  const s = a.incomingServer;
  return {key: a.key, type: s.type, host: s.hostName ?? s.hostname, port: s.port,
          socketType: s.socketType, authMethod: s.authMethod, user: s.username,
          identities: a.identities.map(i => ({email: i.email, fullName: i.fullName,
                                              smtp: i.smtpServerKey}))};
});
const asSmtp = s => { try { return s.QueryInterface(Ci.nsISmtpServer); } catch (e) { return s; } };
const smtp = MailServices.outgoingServer.servers.map(s => {
  const q = asSmtp(s);
  return {key: s.key, host: q.hostname ?? s.serverURI?.host, port: q.port,
          socketType: s.socketType, authMethod: s.authMethod, user: s.username};
});
const listener = {OnStartRunningUrl() {}, OnStopRunningUrl() {},
                  QueryInterface: ChromeUtils.generateQI(["nsIUrlListener"])};
for (const key of arguments[0]) {
  asSmtp(MailServices.outgoingServer.getServerByKey(key)).verifyLogon(listener, null);
}
return {accounts, smtp};
"""


INBOX_COUNTS = """
const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
const out = {};
for (const a of MailServices.accounts.accounts) {
  const s = a.incomingServer;
  if (s.type == "none") continue;
  const inbox = s.rootFolder.getFolderWithFlags(Ci.nsMsgFolderFlags.Inbox);
  const names = s.rootFolder.descendants.map(f => f.prettyName);
  out[a.key] = {total: inbox ? inbox.getTotalMessages(false) : -1, folders: names};
}
return out;
"""


def _wait_inbox(session: Marionette, wanted: int, deadline: float) -> Any:
    counts: Any = {}
    while time.monotonic() < deadline:
        counts = session.call("WebDriver:ExecuteScript",
                              {"script": INBOX_COUNTS, "args": []})["value"]
        if counts and all(c["total"] >= wanted for c in counts.values()):
            break
        time.sleep(0.5)
    return counts


def _occurrences(path: str, text: str) -> int:
    try:
        return Path(path).read_text(errors="replace").count(text)
    except OSError:
        return 0


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while chunk := source.recv(65536):
            sink.sendall(chunk)
    with contextlib.suppress(OSError):
        sink.shutdown(socket.SHUT_WR)


def _splice(a: socket.socket, b: socket.socket) -> None:
    threading.Thread(target=_pipe, args=(a, b), daemon=True).start()
    threading.Thread(target=_pipe, args=(b, a), daemon=True).start()


def _relay_in(listener: socket.socket, path: str) -> None:
    """Inside the namespace: TCP 127.0.0.1:port → the Unix socket of a UnixRelay."""
    while True:
        try:
            client, _ = listener.accept()
        except OSError:
            return
        upstream = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        upstream.connect(path)
        _splice(client, upstream)


class UnixRelay:
    """Outside the namespace: Unix socket → a real server's (loopback IP, port).

    Unix sockets are files, so they cross network namespaces: Thunderbird stays in a
    namespace that has nothing but loopback and still reaches the test bed's Dovecot and
    Postfix (which listen on 127.R.x.y in the normal namespace).
    """

    def __init__(self, directory: Path, targets: dict[int, tuple[str, int]]) -> None:
        self.paths: dict[int, str] = {}
        self.listeners: list[socket.socket] = []
        for port, target in targets.items():
            path = str(directory / f"r{port}.sock")
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(path)
            listener.listen(16)
            self.listeners.append(listener)
            self.paths[port] = path
            threading.Thread(target=self._accept, args=(listener, target), daemon=True).start()

    @staticmethod
    def _accept(listener: socket.socket, target: tuple[str, int]) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            assert target[0].startswith("127."), "relay targets must be loopback"
            upstream = socket.create_connection(target, timeout=10)
            upstream.settimeout(None)
            _splice(client, upstream)

    def close(self) -> None:
        for listener in self.listeners:
            listener.close()


# --------------------------------------------------------------------------- runner

def _write_user_js(profile: Path, marionette_port: int) -> None:
    prefs = dict(TEST_PREFS, **{"marionette.port": marionette_port})
    lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});" for k, v in prefs.items()]
    with (profile / "user.js").open("a", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def runner(spec: dict[str, Any]) -> dict[str, Any]:
    profile = Path(spec["profile"])
    started = time.monotonic()
    deadline = started + float(spec["timeout"])
    prepare_nss(profile, Path(spec["ca_pem"]) if spec["import_ca"] else None,
                [tuple(x) for x in spec["logins"]] if spec["store_logins"] else None,
                spec["passwords"])
    marionette_port = _free_port()
    _write_user_js(profile, marionette_port)
    relays = {int(p): path for p, path in spec["relays"].items()}
    endpoints = {int(p): proto for p, proto in spec["endpoints"].items() if int(p) not in relays}
    recorder = Recorder(endpoints, spec["cert"], spec["key"])
    for port, path in relays.items():
        listener = socket.create_server(("127.0.0.1", port))
        recorder.listeners.append(listener)
        threading.Thread(target=_relay_in, args=(listener, path), daemon=True).start()
    env = {"HOME": spec["home"], "MOZ_HEADLESS": "1", "PATH": os.environ["PATH"],
           "LANG": "C.UTF-8", "TMPDIR": spec["tmp"]}
    result: dict[str, Any] = {"readback": None, "marionette_error": None}
    with open(spec["log"], "wb") as log:
        tb = subprocess.Popen(
            [str(TB_BIN), "--headless", "--no-remote",
             *(["--profile", str(profile)] if spec["pass_profile"] else []),
             "--marionette", "-remote-allow-system-access"],
            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            expected = set(spec["expect_ports"])
            while not expected <= recorder.users_seen() and time.monotonic() < deadline:
                time.sleep(0.1)
            result["incoming_seconds"] = round(time.monotonic() - started, 2)
            try:
                if not spec["read_back"]:
                    raise RuntimeError("read-back not asked for")
                session = Marionette(marionette_port, deadline)
                session.call("WebDriver:NewSession", {"capabilities": {}})
                session.call("Marionette:SetContext", {"value": "chrome"})
                result["readback"] = session.call(
                    "WebDriver:ExecuteScript",
                    {"script": READ_BACK, "args": [list(spec["smtp"])]})["value"]
                if spec["script"] is not None:
                    session.call("WebDriver:SetTimeouts", {"script": 25000})
                    result["script"] = session.call(
                        "WebDriver:ExecuteAsyncScript",
                        {"script": spec["script"], "args": []})["value"]
            except (OSError, RuntimeError, KeyError) as exc:
                result["marionette_error"] = repr(exc)
            wanted = set(spec["smtp"].values()) - set(relays)
            while not wanted <= recorder.users_seen() and time.monotonic() < deadline:
                time.sleep(0.1)
            if spec["wait_inbox"] is not None and result["readback"] is not None:
                result["inbox"] = _wait_inbox(session, spec["wait_inbox"], deadline)
            while not all(_occurrences(f, text) > count for f, text, count in spec["wait_files"]) \
                    and time.monotonic() < deadline:
                time.sleep(0.2)
            time.sleep(min(float(spec["linger"]), max(0.0, deadline - time.monotonic())))
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(tb.pid, signal.SIGTERM)
            try:
                tb.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(tb.pid, signal.SIGKILL)
                tb.wait()
    result["seconds"] = round(time.monotonic() - started, 2)
    with recorder.lock:
        result["connections"] = list(recorder.records)
    for listener in recorder.listeners:
        listener.close()
    log_text = Path(spec["log"]).read_text(errors="replace")
    result["prefs_parse_errors"] = [ln for ln in log_text.splitlines()
                                    if "prefs parse error" in ln]
    result["invalid_prefs_written"] = (profile / "Invalidprefs.js").exists()
    return result


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text())
    result = runner(spec)
    Path(spec["out"]).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

