/* Wine 8's mscms.dll lacks WcsCreateIccProfile, which Qt's qwindows.dll imports. This
 * stand-in, in the build's Wine prefix only (never in the bundle), reports that no colour
 * profile is available; Qt then treats the screen as sRGB.
 * Built by packaging/windows-build.sh with mingw-w64. */
#include <windows.h>
#define EXPORT __declspec(dllexport)

EXPORT HANDLE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation)
{ (void)profile; (void)access; (void)share; (void)creation;
  SetLastError(ERROR_FILE_NOT_FOUND); return NULL; }
EXPORT BOOL WINAPI CloseColorProfile(HANDLE profile) { (void)profile; return TRUE; }
EXPORT BOOL WINAPI GetColorProfileFromHandle(HANDLE profile, BYTE *buffer, DWORD *size)
{ (void)profile; (void)buffer; (void)size; SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
EXPORT HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options)
{ (void)profile; (void)options; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
