/* Wine 8 has no icuuc.dll, which Qt6Core imports (Windows 10 1703 and later ship it).
 * This stand-in lives in the build's Wine prefix only, never in the bundle: every converter
 * is unavailable, so Qt uses its own UTF-8/UTF-16/Latin-1 codecs (all the program needs).
 * Built by packaging/windows-build.sh with mingw-w64. */
#include <stddef.h>
#include <stdint.h>

typedef uint16_t UChar;
typedef int UErrorCode;
typedef void *Converter;
typedef void (*Callback)(void);
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

static void fail(UErrorCode *error) { if (error && *error <= 0) *error = U_FILE_ACCESS_ERROR; }

EXPORT Converter ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
EXPORT void ucnv_close(Converter c) { (void)c; }
EXPORT void ucnv_reset(Converter c) { (void)c; }
EXPORT int8_t ucnv_getMaxCharSize(Converter c) { (void)c; return 1; }
EXPORT const char *ucnv_getName(Converter c, UErrorCode *error) { (void)c; fail(error); return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error)
{ (void)name; (void)standard; fail(error); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(Converter c, Callback *action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_getFromUCallBack(Converter c, Callback *action, const void **context)
{ (void)c; if (action) *action = NULL; if (context) *context = NULL; }
EXPORT void ucnv_setToUCallBack(Converter c, Callback a, const void *ctx, Callback *old_a,
                                const void **old_ctx, UErrorCode *error)
{ (void)c; (void)a; (void)ctx; (void)old_a; (void)old_ctx; fail(error); }
EXPORT void ucnv_setFromUCallBack(Converter c, Callback a, const void *ctx, Callback *old_a,
                                  const void **old_ctx, UErrorCode *error)
{ (void)c; (void)a; (void)ctx; (void)old_a; (void)old_ctx; fail(error); }
EXPORT void ucnv_toUnicode(Converter c, UChar **t, const UChar *te, const char **s, const char *se,
                           int32_t *offsets, int flush, UErrorCode *error)
{ (void)c; (void)t; (void)te; (void)s; (void)se; (void)offsets; (void)flush; fail(error); }
EXPORT void ucnv_fromUnicode(Converter c, char **t, const char *te, const UChar **s, const UChar *se,
                             int32_t *offsets, int flush, UErrorCode *error)
{ (void)c; (void)t; (void)te; (void)s; (void)se; (void)offsets; (void)flush; fail(error); }
EXPORT int32_t ucnv_toUCountPending(Converter c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT int32_t ucnv_fromUCountPending(Converter c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *s, int32_t n, int32_t offset, UErrorCode *error)
{ (void)args; (void)s; (void)n; (void)offset; fail(error); }
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **s, const UChar *se, int32_t offset,
                                    UErrorCode *error)
{ (void)args; (void)s; (void)se; (void)offset; fail(error); }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
