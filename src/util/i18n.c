#include "i18n.h"

#include <stdlib.h>
#include <string.h>

pl_lang pl_lang_from_env(void)
{
    /* POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG. */
    const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = getenv(names[i]);
        if (!v || !*v) continue;
        if (strncmp(v, "en", 2) == 0) return PL_LANG_EN;
        return PL_LANG_JA;
    }
    return PL_LANG_JA;
}

int pl_lang_parse(const char *s)
{
    if (!s) return -1;
    if (strcmp(s, "ja") == 0) return PL_LANG_JA;
    if (strcmp(s, "en") == 0) return PL_LANG_EN;
    return -1;
}
