#include "escape.h"

#include <string.h>

void escape_xml(sbuf *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') rep = "";
            break;
        }
        if (!rep) continue;
        sbuf_append(out, s + run, i - run);
        sbuf_puts(out, rep);
        run = i + 1;
    }
    sbuf_append(out, s + run, n - run);
}

void escape_xml_str(sbuf *out, const char *s)
{
    if (s) escape_xml(out, s, strlen(s));
}

void escape_csv(sbuf *out, const char *s)
{
    if (!s) s = "";
    bool quote = strpbrk(s, ",\"\r\n") != NULL;
    bool formula = s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                   s[0] == '\r';
    if (quote || formula) sbuf_putc(out, '"');
    if (formula) sbuf_putc(out, '\'');
    for (const char *p = s; *p; p++) {
        if (*p == '"') sbuf_putc(out, '"');
        sbuf_putc(out, *p);
    }
    if (quote || formula) sbuf_putc(out, '"');
}
