/*
 * render.h - blocks as JSON and as plain text.
 *
 * Both `polint extract` and the reports describe locations the same way, so
 * the representation lives here, next to the model, once.
 *
 * JSON offsets (mark start/end) are in Unicode code points, which is what a
 * consumer in Python or JavaScript indexes strings by; inside polint they are
 * bytes.
 */
#ifndef PL_DOC_RENDER_H
#define PL_DOC_RENDER_H

#include <stdio.h>

#include "doc/doc.h"
#include "doc/structure.h"
#include "util/i18n.h"
#include "util/json.h"

/* {"part":..., "paragraph":..., "table":..., "row":..., "col":..., "sheet":..., "cell":"B3"} */
void doc_location_write_json(jw *w, const doc_location *loc, doc_block_kind kind);
/* Short human form: "word/document.xml ¶12", "table 1 r2c3", "Sheet1!B3". */
void doc_location_format(const doc_location *loc, doc_block_kind kind, sbuf *out);

/* clause: the block's clause path (NULL or "" to leave it out). */
void doc_block_write_json(jw *w, const doc_block *b, size_t index, const char *clause);

/* The text a reader sees for a block: label, separator, text. */
void doc_block_display_text(const doc_block *b, sbuf *out);

/* A sink that prints blocks as plain text: paragraphs one per line, a table
 * row or sheet row as one line with cells separated by tabs, other channels
 * tagged "[comment] ...". */
typedef struct doc_text_printer {
    FILE *out;
    sbuf line;            /* the row being assembled */
    const char *row_part; /* identity of the row in progress */
    const char *row_sheet;
    uint32_t row_table, row, last_col;
    const char *sheet;    /* last sheet announced */
    bool in_row;
} doc_text_printer;

void doc_text_printer_init(doc_text_printer *p, FILE *out);
doc_sink doc_text_printer_sink(doc_text_printer *p);
void doc_text_printer_finish(doc_text_printer *p); /* flushes a pending row */

/* "structure": {"type", "type_basis", "type_evidence", "parties", "clauses"} */
void doc_structure_write_json(jw *w, const doc_structure *s);

/* The clause tree for people: type and parties, then one line per clause,
 * indented by depth, with its caption and where it starts. */
void doc_structure_print(FILE *out, const doc_document *d, const doc_structure *s, pl_lang lang);

#endif
