/*
 * paths.c - turning operands into a sorted list of files.
 */
#define _DEFAULT_SOURCE /* DT_DIR in dirent */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"
#include "util/mem.h"
#include "util/sbuf.h"

static const char *const DOCUMENT_EXTENSIONS[] = {
    "docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "xltm",
    /* formats we cannot read but must not pass over in silence */
    "doc", "xls", "odt", "ods", "xlsb",
};

static bool is_document_name(const char *name)
{
    if (name[0] == '.' || (name[0] == '~' && name[1] == '$')) return false;
    const char *dot = strrchr(name, '.');
    if (!dot) return false;
    for (size_t i = 0; i < sizeof DOCUMENT_EXTENSIONS / sizeof DOCUMENT_EXTENSIONS[0]; i++)
        if (strcasecmp(dot + 1, DOCUMENT_EXTENSIONS[i]) == 0) return true;
    return false;
}

static void add(cli_paths *p, const char *path)
{
    PL_GROW(p->items, p->cap, p->n + 1);
    p->items[p->n++] = pl_xstrdup(path);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(cli_paths *out, const char *dir, pl_lang lang, int *bad, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "polint: %s: %s\n", dir,
                pl_tr(lang, "フォルダを開けません", "cannot open folder"));
        (*bad)++;
        return;
    }
    cli_paths found = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        sbuf path = SBUF_INIT;
        sbuf_printf(&path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(path.data, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                if (depth < 64) add(&found, path.data);
            } else if (S_ISREG(st.st_mode) && is_document_name(e->d_name)) {
                add(&found, path.data);
            }
        }
        sbuf_free(&path);
    }
    closedir(d);
    qsort(found.items, found.n, sizeof *found.items, cmp_str);
    for (size_t i = 0; i < found.n; i++) {
        struct stat st;
        if (stat(found.items[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(out, found.items[i], lang, bad, depth + 1);
        else
            add(out, found.items[i]);
    }
    cli_paths_free(&found);
}

void cli_paths_collect(cli_paths *out, char **operands, int n, pl_lang lang, int *bad)
{
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode))
            walk(out, operands[i], lang, bad, 0);
        else
            add(out, operands[i]); /* missing files fail later, with their reason */
    }
}

bool cli_paths_from_list(cli_paths *out, const char *list, pl_lang lang)
{
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        fprintf(stderr, "polint: %s: %s\n", list,
                pl_tr(lang, "一覧ファイルを開けません", "cannot open the list file"));
        return false;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len) add(out, line);
    }
    if (f != stdin) fclose(f);
    return true;
}

void cli_paths_free(cli_paths *p)
{
    for (size_t i = 0; i < p->n; i++) free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}

void cli_report_error(const char *path, const pl_error *err, pl_lang lang)
{
    sbuf msg = SBUF_INIT;
    pl_error_format(err, lang, &msg);
    fprintf(stderr, "polint: %s: %s [%s]\n", path, sbuf_cstr(&msg), pl_status_name(err->status));
    sbuf_free(&msg);
}

void cli_usage_error(pl_lang lang, const char *ja, const char *en, const char *arg)
{
    fprintf(stderr, "polint: %s%s%s\n", pl_tr(lang, ja, en), arg ? ": " : "", arg ? arg : "");
    fprintf(stderr, "%s\n",
            pl_tr(lang, "使い方は polint --help を参照してください", "see polint --help"));
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) return "";
    return argv[++*i];
}
