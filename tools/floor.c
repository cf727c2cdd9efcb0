/*
 * floor.c - the cost floor for `make bench`.
 *
 * Does only what any reader of a DOCX/XLSX must do: open the zip with libzip,
 * inflate each XML part polint reads in 64 KiB chunks and push it through a
 * libxml2 SAX2 parser whose handlers do nothing. polint's extraction is
 * measured against this, so the ratio says how much our own work (caps,
 * guards, numbering, formats, output) costs on top of the libraries.
 *
 * Parts polint never opens (themes, settings, font tables, printer settings,
 * calc chains, custom XML, thumbnails) are skipped here too, so both sides
 * parse the same bytes.
 *
 * usage: floor FILE...   (prints files, MB of XML parsed)
 */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static void on_start(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u, int nn,
                     const xmlChar **ns, int na, int nd, const xmlChar **at)
{
    (void)ctx, (void)l, (void)p, (void)u, (void)nn, (void)ns, (void)na, (void)nd, (void)at;
}

static void on_end(void *ctx, const xmlChar *l, const xmlChar *p, const xmlChar *u)
{
    (void)ctx, (void)l, (void)p, (void)u;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
    (void)ctx, (void)ch, (void)len;
}

static int skipped(const char *name)
{
    static const char *const skip[] = {"theme/", "settings.xml", "webSettings.xml",
                                       "fontTable.xml", "printerSettings", "calcChain.xml",
                                       "customXml/", "thumbnail", "glossary/"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strstr(name, skip[i])) return 1;
    size_t n = strlen(name);
    int xml = (n > 4 && strcmp(name + n - 4, ".xml") == 0) ||
              (n > 5 && strcmp(name + n - 5, ".rels") == 0);
    return !xml;
}

int main(int argc, char **argv)
{
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    static char buf[64 * 1024];
    unsigned long long total = 0;
    int files = 0;
    for (int i = 1; i < argc; i++) {
        int err;
        zip_t *za = zip_open(argv[i], ZIP_RDONLY | ZIP_CHECKCONS, &err);
        if (!za) continue;
        files++;
        zip_int64_t n = zip_get_num_entries(za, 0);
        for (zip_int64_t e = 0; e < n; e++) {
            const char *name = zip_get_name(za, (zip_uint64_t)e, 0);
            if (!name || skipped(name)) continue;
            zip_file_t *zf = zip_fopen_index(za, (zip_uint64_t)e, 0);
            if (!zf) continue;
            xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, name);
            xmlCtxtUseOptions(ctx, XML_PARSE_NONET);
            zip_int64_t got;
            while ((got = zip_fread(zf, buf, sizeof buf)) > 0) {
                xmlParseChunk(ctx, buf, (int)got, 0);
                total += (unsigned long long)got;
            }
            xmlParseChunk(ctx, NULL, 0, 1);
            xmlFreeParserCtxt(ctx);
            zip_fclose(zf);
        }
        zip_close(za);
    }
    printf("%d files, %.1f MB of XML\n", files, (double)total / 1e6);
    return 0;
}
