#include "docbuild.h"

#include <stdlib.h>
#include <string.h>

static void add(doc_document *d, doc_block *b)
{
    doc_sink sink = doc_document_sink(d);
    b->len = (uint32_t)strlen(b->text);
    sink.block(sink.ctx, b);
}

void docbuild(doc_document *d, const char *path, const char *const *lines)
{
    doc_document_init(d);
    d->info.format = DOC_FMT_DOCX;
    d->info.path = path ? doc_info_intern(&d->info, path) : NULL;
    const char *part = doc_info_intern(&d->info, "word/document.xml");
    uint32_t para = 0, table = 0, row = 0;
    for (size_t i = 0; lines[i]; i++) {
        const char *l = lines[i];
        doc_block b = {.kind = DOC_BLOCK_PARAGRAPH, .channel = DOC_CH_BODY};
        b.loc.part = part;
        b.loc.paragraph = ++para;
        char buf[4096];
        if (strncmp(l, "T:", 2) == 0) {
            if (i == 0 || strncmp(lines[i - 1], "T:", 2) != 0) table++, row = 0;
            row++;
            strncpy(buf, l + 2, sizeof buf - 1);
            buf[sizeof buf - 1] = '\0';
            uint32_t col = 0;
            for (char *save = NULL, *cell = strtok_r(buf, "|", &save); cell;
                 cell = strtok_r(NULL, "|", &save)) {
                doc_block c = b;
                c.channel = DOC_CH_TABLE;
                c.loc.table = table;
                c.loc.row = row;
                c.loc.col = ++col;
                c.loc.table_depth = 1;
                c.text = cell;
                add(d, &c);
            }
            continue;
        }
        if (strncmp(l, "L:", 2) == 0) {
            const char *bar = strchr(l + 2, '|');
            size_t n = bar ? (size_t)(bar - l - 2) : strlen(l + 2);
            memcpy(buf, l + 2, n);
            buf[n] = '\0';
            b.label = buf;
            b.label_suffix = ' ';
            b.list_level = 1;
            b.text = bar ? bar + 1 : "";
        } else if (l[0] == 'H' && l[1] >= '1' && l[1] <= '9' && l[2] == ':') {
            b.outline = (uint8_t)(l[1] - '0');
            b.flags = DOC_F_HEADING;
            b.text = l + 3;
        } else if (strncmp(l, "C:", 2) == 0) {
            b.channel = DOC_CH_COMMENT;
            b.loc.part = doc_info_intern(&d->info, "word/comments.xml");
            b.text = l + 2;
        } else if (strncmp(l, "D:", 2) == 0) {
            b.channel = DOC_CH_DELETED;
            b.flags = DOC_F_TRACKED;
            b.text = l + 2;
        } else {
            b.text = l;
        }
        add(d, &b);
    }
}
