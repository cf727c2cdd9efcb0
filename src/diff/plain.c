/*
 * plain.c - a plain-text file as a document, so that `polint diff` compares
 * drafts kept as text (or the output of `polint extract`) the same way as
 * DOCX: one body paragraph per line, segmented into articles by their
 * literal labels like any DOCX without automatic numbering.
 */
#include <string.h>

#include "internal.h"
#include "util/sha256.h"
#include "util/utf8.h"

void diff_plain_document(doc_document *d, const char *name, const char *data, size_t n)
{
    d->info.path = doc_info_intern(&d->info, name);
    d->info.file_size = n;
    d->info.variant = "text";
    d->info.main_part = doc_info_intern(&d->info, "text");
    sha256_hex(data, n, d->info.sha256);
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, n -= 3;
    doc_sink sink = doc_document_sink(d);
    sbuf line = SBUF_INIT;
    uint32_t number = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && data[j] != '\n' && data[j] != '\r')
            j++;
        sbuf_reset(&line);
        /* repair invalid UTF-8 so later layers only ever see valid text */
        for (size_t k = i; k < j;) {
            size_t ok = utf8_valid_prefix(data + k, j - k);
            sbuf_append(&line, data + k, ok);
            k += ok;
            if (k < j) {
                sbuf_puts(&line, "\xEF\xBF\xBD");
                k++;
            }
        }
        doc_block b = {.kind = DOC_BLOCK_PARAGRAPH, .channel = DOC_CH_BODY};
        b.loc.part = d->info.main_part;
        b.loc.paragraph = ++number;
        b.text = sbuf_cstr(&line);
        b.len = (uint32_t)line.len;
        sink.block(sink.ctx, &b);
        if (j < n && data[j] == '\r' && j + 1 < n && data[j + 1] == '\n') j++;
        i = j + 1;
    }
    d->info.paragraphs = number;
    sbuf_free(&line);
}
