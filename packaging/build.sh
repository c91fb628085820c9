#!/usr/bin/env bash
# Builds the distributable program. Run from the repository root (the Makefile does):
#   bash packaging/build.sh bundle [PROFILE]   PyInstaller onedir bundle in dist/mail-assistant/,
#                                              PROFILE (.mailsetup) validated and embedded;
#                                              needs the compiled translations (`make qm`)
#   bash packaging/build.sh installer          NSIS installer around the Windows bundle
#                                              (packaging/windows-build.sh), in dist/
# Environment: PYTHON (default .venv/bin/python), DIST_DIR (default dist),
# WORK_DIR (default build/pyinstaller), MAKENSIS (default makensis), PAYLOAD_DIR (installer
# payload, default dist/windows/mail-assistant; tests pass a small stand-in).
# Details, Windows and macOS: docs/packaging.md.
set -euo pipefail

if [ -z "${PYTHON:-}" ]; then
  PYTHON=.venv/bin/python
  [ -x .venv/Scripts/python.exe ] && PYTHON=.venv/Scripts/python.exe  # Windows (Git Bash)
fi
DIST_DIR=${DIST_DIR:-dist}
WORK_DIR=${WORK_DIR:-build/pyinstaller}
MAKENSIS=${MAKENSIS:-makensis}

die() { echo "build.sh: $*" >&2; exit 2; }

# An absolute path the tools understand: C:/… for Windows programs under Git Bash.
native_path() {
  local absolute
  absolute=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  if command -v cygpath >/dev/null; then cygpath -m "$absolute"; else echo "$absolute"; fi
}

# One value from the package, so the spec, the installer and the program agree (Python on
# Windows ends lines with CR LF).
package_value() {
  "$PYTHON" -c "import assistant; print($1)" | tr -d '\r'
}

bundle() {
  local profile=${1:-}
  if [ -n "$profile" ]; then
    [ -f "$profile" ] || die "settings profile not found: $profile"
    profile=$(native_path "$profile")
  fi
  local name
  name=$(package_value assistant.APP_NAME)
  rm -rf "${DIST_DIR:?}/$name"
  MAIL_ASSISTANT_PROFILE=$profile "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$DIST_DIR" --workpath "$WORK_DIR" packaging/mail-assistant.spec
  echo "bundle: $DIST_DIR/$name ($(du -sh "$DIST_DIR/$name" | cut -f1))" \
    "${profile:+with profile $profile}"
}

installer() {
  local name defines=() payload out
  mapfile -t defines < <("$PYTHON" packaging/installer_defines.py | tr -d '\r')
  [ ${#defines[@]} -gt 0 ] || die "cannot read the installer defines from the package"
  name=$(package_value assistant.APP_NAME)
  payload=${PAYLOAD_DIR:-$DIST_DIR/windows/$name}
  [ -d "$payload" ] || die "no Windows bundle in $payload: run 'make installer' (it builds one)"
  [ -f "$payload/$name.exe" ] || die "$payload is not a Windows bundle (no $name.exe)"
  out="$DIST_DIR/$name-$(package_value assistant.__version__)-setup.exe"
  mkdir -p "$(dirname "$out")"
  "$MAKENSIS" -V2 -WX -INPUTCHARSET UTF8 "${defines[@]/#/-D}" \
    "-DPAYLOAD_DIR=$(native_path "$payload")" "-DOUTFILE=$(native_path "$out")" \
    packaging/installer.nsi
  echo "installer: $out ($(du -h "$out" | cut -f1))"
}

case "${1:-}" in
  bundle) shift; bundle "$@" ;;
  installer) installer ;;
  *) die "usage: build.sh bundle [PROFILE.mailsetup] | installer" ;;
esac
