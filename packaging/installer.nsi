; Windows installer for the mail setup assistant (NSIS 3, Modern UI 2).
; Built by `bash packaging/build.sh installer` (`make installer`), which passes the defines below
; from the package so the installer and the program agree; see docs/packaging.md.
;   APP_NAME, VERSION, VERSION_NUMERIC (a.b.c.d), MUTEX_NAME (assistant.embedded.MUTEX_NAME),
;   PROFILE_EXT (settings profile extension, with the dot), PAYLOAD_DIR (the PyInstaller
;   onedir Windows bundle, packaging/windows-build.sh), OUTFILE.
; Per user, no administrator rights: everything goes under %LOCALAPPDATA% and HKCU.
; This file is UTF-8 with a byte order mark, so makensis reads the Japanese text correctly.

Unicode true
ManifestDPIAware true

!macro REQUIRE NAME
  !ifndef ${NAME}
    !error "define ${NAME} is missing: build with packaging/build.sh installer"
  !endif
!macroend
!insertmacro REQUIRE APP_NAME
!insertmacro REQUIRE VERSION
!insertmacro REQUIRE VERSION_NUMERIC
!insertmacro REQUIRE MUTEX_NAME
!insertmacro REQUIRE PROFILE_EXT
!insertmacro REQUIRE PAYLOAD_DIR
!insertmacro REQUIRE OUTFILE

!define EXE "${APP_NAME}.exe"
!define PROG_ID "MailSetupAssistant.Profile"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define CLASSES "Software\Classes"
!define SHCNE_ASSOCCHANGED 0x08000000
!define SYNCHRONIZE 0x00100000

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "$(AppName)"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
SetCompressor /SOLID lzma
BrandingText "$(AppName) ${VERSION}"

VIProductVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=0 "ProductName" "Mail Setup Assistant"
VIAddVersionKey /LANG=0 "FileDescription" "Mail Setup Assistant installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

; The program's icon for the installer and uninstaller too, when the repository has one
; (makensis works in the script's folder).
!define ICON_FILE "../resources/icons/${APP_NAME}.ico"
!if /FileExists "${ICON_FILE}"
  !define MUI_ICON "${ICON_FILE}"
  !define MUI_UNICON "${ICON_FILE}"
!endif

; Pages: a member only presses 次へ and 完了; volunteers can pass /D=folder or /S.
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
; Plain words instead of NSIS's advice about closing applications and system files.
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; English is chosen on an English Windows.
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"

LangString AppName ${LANG_JAPANESE} "メール設定アシスタント"
LangString AppName ${LANG_ENGLISH} "Mail Setup Assistant"
LangString AppRunning ${LANG_JAPANESE} "メール設定アシスタントが起動しています。$\r$\nアシスタントを閉じてから「再試行」を押してください。"
LangString AppRunning ${LANG_ENGLISH} "The Mail Setup Assistant is running.$\r$\nClose it, then press Retry."
LangString WelcomeText ${LANG_JAPANESE} "メール設定アシスタントを、このパソコンに入れます。$\r$\n$\r$\n「インストール」を押してください。終わったら「完了」を押すと、アシスタントが始まります。"
LangString WelcomeText ${LANG_ENGLISH} "This puts the Mail Setup Assistant on this computer.$\r$\n$\r$\nPress Install. When it is done, press Finish and the assistant starts."
; The button that starts the installation: Japanese without "(&I)", which the standard
; button width clips (seen under Wine with IPAGothic).
LangString InstallButton ${LANG_JAPANESE} "インストール"
LangString InstallButton ${LANG_ENGLISH} "&Install"
InstallButtonText "$(InstallButton)"
LangString Elevated ${LANG_JAPANESE} "このインストーラーは「管理者として実行」されています。$\r$\nこのままでは管理者のアカウントにインストールされ、会員のアカウントからは使えません。$\r$\n$\r$\n「キャンセル」を押し、会員のアカウントで、普通にダブルクリックして起動し直してください。$\r$\n管理者のアカウントで使う場合だけ「OK」を押してください。"
LangString Elevated ${LANG_ENGLISH} "This installer was started with $\"Run as administrator$\".$\r$\nIt would install for the administrator's account, not for the member's.$\r$\n$\r$\nPress Cancel, then start it again from the member's account with a plain double-click.$\r$\nPress OK only if the administrator's account is the one that will use it."
LangString ProfileType ${LANG_JAPANESE} "メール設定ファイル"
LangString ProfileType ${LANG_ENGLISH} "Mail settings profile"

; The assistant holds the named mutex while it runs (assistant.embedded.single_instance_mutex):
; installing or removing files it has open would fail halfway.
!macro REFUSE_WHILE_RUNNING
  ${Do}
    System::Call 'kernel32::OpenMutexW(i ${SYNCHRONIZE}, i 0, w "${MUTEX_NAME}") p .r0'
    ${If} $0 = 0
      ${Break}
    ${EndIf}
    System::Call 'kernel32::CloseHandle(p r0)'
    ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDCANCEL`
      Abort
    ${EndIf}
  ${Loop}
!macroend

Function .onInit
  !insertmacro REFUSE_WHILE_RUNNING
  ; Per user: a volunteer's "Run as administrator" would install into the administrator's
  ; profile and HKCU. IsUserAnAdmin is true only for an elevated token. Silent: go on.
  System::Call 'shell32::IsUserAnAdmin() i .r0'
  ${If} $0 <> 0
    MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(Elevated)" /SD IDOK IDOK +2
    Abort
  ${EndIf}
FunctionEnd

Function un.onInit
  !insertmacro REFUSE_WHILE_RUNNING
FunctionEnd

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Files of an earlier version; only folders the installer itself created are removed.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\$(AppName).lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$DESKTOP\$(AppName).lnk" "$INSTDIR\${EXE}"

  ; Apps & features entry (per user). The shortcut name is kept for the uninstaller, which
  ; may run in another language.
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "$(AppName)"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegStr HKCU "${UNINST_KEY}" "ShortcutName" "$(AppName)"
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0

  ; Double-clicking a settings profile opens the assistant with it (a lone file argument
  ; means --profile FILE).
  WriteRegStr HKCU "${CLASSES}\${PROFILE_EXT}" "" "${PROG_ID}"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}" "" "$(ProfileType)"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${CLASSES}\${PROG_ID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ReadRegStr $0 HKCU "${UNINST_KEY}" "ShortcutName"
  ${If} $0 != ""
    Delete "$SMPROGRAMS\$0.lnk"
    Delete "$DESKTOP\$0.lnk"
  ${EndIf}

  ; Only what the installer put there; the user's settings and logs (platformdirs) stay.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${APP_NAME}-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ReadRegStr $1 HKCU "${CLASSES}\${PROFILE_EXT}" ""
  ${If} $1 == "${PROG_ID}"
    DeleteRegKey HKCU "${CLASSES}\${PROFILE_EXT}"
  ${EndIf}
  DeleteRegKey HKCU "${CLASSES}\${PROG_ID}"
  DeleteRegKey HKCU "${UNINST_KEY}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'
SectionEnd
