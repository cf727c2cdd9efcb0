/*
 * sentences.c - where the sentences of normalised text begin.
 */
#include <string.h>

#include "text.h"
#include "util/mem.h"

/* Does a closing bracket come before the end of the line? */
static bool closes_on_line(const char *t, size_t n, size_t i)
{
    for (; i < n && t[i] != '\n'; i++)
        if (t[i] == ')' || (i + 3 <= n && (memcmp(t + i, "」", 3) == 0 || memcmp(t + i, "』", 3) == 0)))
            return true;
    return false;
}

size_t text_sentences(const char *t, size_t n, uint32_t **starts)
{
    size_t count = 0, cap = 0;
    uint32_t *out = NULL;
    int depth = 0;
    PL_GROW(out, cap, 1);
    out[count++] = 0;
    for (size_t i = 0; i < n;) {
        size_t step = 1;
        bool end = false;
        if (t[i] == '\n') {
            end = true;
            depth = 0;
        } else if (t[i] == '(') {
            depth++;
        } else if (t[i] == ')') {
            depth -= depth > 0;
        } else if (i + 3 <= n && (memcmp(t + i, "「", 3) == 0 || memcmp(t + i, "『", 3) == 0)) {
            depth++, step = 3;
        } else if (i + 3 <= n && (memcmp(t + i, "」", 3) == 0 || memcmp(t + i, "』", 3) == 0)) {
            depth -= depth > 0, step = 3;
        } else if (i + 3 <= n && memcmp(t + i, "。", 3) == 0) {
            step = 3;
            /* an unclosed bracket must not swallow the rest of the block */
            end = depth == 0 || !closes_on_line(t, n, i + 3);
            if (end) depth = 0;
        }
        i += step;
        if (end && i < n) {
            PL_GROW(out, cap, count + 1);
            out[count++] = (uint32_t)i;
        }
    }
    *starts = out;
    return count;
}
