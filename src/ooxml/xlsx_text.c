/*
 * xlsx_text.c - small text helpers of the XLSX reader.
 *
 * SpreadsheetML escapes characters that XML cannot carry (a CR, a control
 * character) as _xHHHH_ in text, and an underscore that would otherwise
 * start such an escape as _x005F_. Cell references are "A1" letters+digits
 * with optional '$'. Both are decoded here, in place and without
 * allocation, because they run once per string or cell.
 */
#include <string.h>

#include "util/utf8.h"
#include "xlsx_internal.h"

enum { XLSX_MAX_ROW = 1048576, XLSX_MAX_COL = 16384 };

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = (c >= '0' && c <= '9')   ? c - '0'
                : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                         : -1;
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* _xHHHH_ at s (7 bytes available): the code unit, or -1. */
static int escape_at(const char *s, size_t avail)
{
    if (avail < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_') return -1;
    return hex4(s + 2);
}

size_t xlsx_unescape(char *s, size_t n)
{
    if (n < 7) return n; /* also covers an empty string in a buffer not yet allocated */
    const char *first = memchr(s, '_', n);
    if (!first) return n;
    size_t r = (size_t)(first - s), w = r;
    while (r < n) {
        int u = s[r] == '_' ? escape_at(s + r, n - r) : -1;
        if (u < 0) {
            s[w++] = s[r++];
            continue;
        }
        uint32_t cp = (uint32_t)u;
        size_t used = 7;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            int lo = escape_at(s + r + 7, n - r - 7);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
                used = 14;
            }
        }
        char enc[4];
        size_t k = (cp != 0) ? utf8_encode(cp, enc) : 0;
        if (k == 0) {
            /* NUL or a lone surrogate: keep the escape as written */
            s[w++] = s[r++];
            continue;
        }
        memcpy(s + w, enc, k);
        w += k;
        r += used;
    }
    return w;
}

void xlsx_attr_append(sbuf *out, const char *v, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *amp = memchr(v + i, '&', n - i);
        if (!amp) break;
        size_t at = (size_t)(amp - v);
        if (n - at >= 5 && memcmp(amp, "&#38;", 5) == 0) {
            sbuf_append(out, v + i, at - i);
            sbuf_putc(out, '&');
            i = at + 5;
        } else {
            sbuf_append(out, v + i, at + 1 - i);
            i = at + 1;
        }
    }
    sbuf_append(out, v + i, n - i);
}

const char *xlsx_attr_copy(const xs_attr *attrs, int n, xs_ns ns, const char *name, char *buf,
                           size_t size)
{
    size_t len;
    const char *v = xs_attr_get(attrs, n, ns, name, &len);
    if (!v || size == 0) return NULL;
    size_t w = 0;
    for (size_t i = 0; i < len && w + 1 < size;) {
        if (v[i] == '&' && len - i >= 5 && memcmp(v + i, "&#38;", 5) == 0) {
            buf[w++] = '&';
            i += 5;
        } else {
            buf[w++] = v[i++];
        }
    }
    /* do not leave half a UTF-8 character at a truncation */
    if (w + 1 >= size)
        while (w > 0 && ((unsigned char)buf[w] & 0xC0) == 0x80)
            w--;
    buf[w] = '\0';
    return buf;
}

bool xlsx_parse_ref(const char *s, size_t n, uint32_t *row, uint32_t *col)
{
    size_t i = 0;
    uint32_t c = 0, r = 0;
    if (i < n && s[i] == '$') i++;
    size_t l0 = i;
    for (; i < n; i++) {
        unsigned u = (unsigned)((s[i] | 0x20) - 'a'); /* either case */
        if (u >= 26) break;
        c = c * 26 + u + 1;
    }
    size_t letters = i - l0;
    if (i < n && s[i] == '$') i++;
    size_t d0 = i;
    for (; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d >= 10) break;
        r = r * 10 + d;
    }
    size_t digits = i - d0;
    if (i != n || letters > 3 || digits > 7 || (letters == 0 && digits == 0)) return false;
    if (c > XLSX_MAX_COL || r > XLSX_MAX_ROW) return false;
    *row = r;
    *col = c;
    return true;
}
