/*
 * zipgen.h - build zip packages in memory at test time.
 *
 * Tests must not depend on binary fixtures for hostile input: every zip bomb,
 * lying header or duplicate name is written here from a few lines of test
 * code, and real-looking DOCX/XLSX packages are assembled from XML strings.
 */
#ifndef TEST_ZIPGEN_H
#define TEST_ZIPGEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct zipgen zipgen;

typedef struct zipgen_opts {
    uint16_t method;        /* 0 stored, 8 deflate (default when deflate=true) */
    bool deflate;
    bool lie_size;          /* write declared_size instead of the real size */
    uint64_t declared_size;
    bool encrypted_flag;    /* set general-purpose bit 0 */
    uint16_t method_id;     /* write this method id regardless (e.g. 12, 14, 93) */
    uint16_t local_extra;   /* bytes of extra field in the local header only, as
                               Office writes (the central header has none) */
    bool local_time_differs;/* a local header time other than the central one's, as
                               when a tool rewrote only the central directory */
} zipgen_opts;

zipgen *zipgen_new(void);
/* Deflated entry. */
void zipgen_add(zipgen *z, const char *name, const void *data, size_t n);
void zipgen_add_str(zipgen *z, const char *name, const char *text);
void zipgen_add_stored(zipgen *z, const char *name, const void *data, size_t n);
void zipgen_add_opts(zipgen *z, const char *name, const void *data, size_t n,
                     const zipgen_opts *o);
/* An entry whose deflated data is given ready-made (bombs). */
void zipgen_add_raw(zipgen *z, const char *name, uint16_t method, const void *comp,
                    size_t comp_size, uint64_t size, uint32_t crc);
/* Finishes the archive; returns malloc'd bytes and frees z. */
unsigned char *zipgen_finish(zipgen *z, size_t *n);

/* Deflate stream of prefix followed by `total` copies of fill, built by
 * repeating one flushed 1 MiB segment, so a 1 GiB bomb costs a millisecond
 * to make. With fill ' ' after an XML start tag the bomb stays well-formed
 * and only the size and ratio caps can stop it. *size gets the inflated
 * size. */
unsigned char *zipgen_bomb(const char *prefix, char fill, uint64_t total, size_t *comp_size,
                           uint64_t *size, uint32_t *crc);

/* A minimal DOCX: content types, rels, word/document.xml = the given body
 * XML wrapped in <w:document><w:body>...</w:body></w:document>, plus extra
 * parts given as name, xml pairs ending with NULL. Names of extra parts that
 * start with "word/" are related from document.xml by their usual type when
 * they are styles.xml, numbering.xml, comments.xml, footnotes.xml,
 * endnotes.xml, header*.xml or footer*.xml. */
unsigned char *testdoc_docx(const char *body_xml, size_t *n, ...);

/* A minimal XLSX: sheets given as name, sheet-data XML (the content of
 * <sheetData>) pairs ending with NULL; no styles, no shared strings. For
 * anything richer build the package with zipgen directly. */
unsigned char *testdoc_xlsx(size_t *n, ...);

/* Writes bytes to a fresh temporary file and returns its path (static
 * buffer per call; unlink it when done). */
const char *testfile_write(const void *data, size_t n, const char *suffix);

#endif
