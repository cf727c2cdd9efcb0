/*
 * i18n.h - the two languages polint speaks.
 *
 * Users are Japanese officials, so Japanese is the default; English is chosen
 * with --lang en or an English locale in LC_ALL / LC_MESSAGES / LANG.
 */
#ifndef PL_I18N_H
#define PL_I18N_H

typedef enum pl_lang { PL_LANG_JA = 0, PL_LANG_EN = 1 } pl_lang;

/* Language from the environment: English only when the locale says so. */
pl_lang pl_lang_from_env(void);

/* Parses "ja" / "en"; returns -1 for anything else. */
int pl_lang_parse(const char *s);

/* Picks the string for lang; the Japanese one is the fallback. */
static inline const char *pl_tr(pl_lang lang, const char *ja, const char *en)
{
    return (lang == PL_LANG_EN && en) ? en : ja;
}

#endif
