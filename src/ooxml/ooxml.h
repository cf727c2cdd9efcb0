/*
 * ooxml.h - reading DOCX and XLSX files safely.
 *
 * ooxml_read_file() is the only entry point: it reads the file, recognises
 * what it is (an OOXML package, an encrypted one, a legacy binary, ODF, a
 * damaged zip ...), and for a DOCX or XLSX streams its text as doc_blocks to
 * a sink in reading order. Every hostile-input defence lives here:
 *   - a bounded zip reader: entry count, per-part and total inflated bytes,
 *     compression ratio and declared-size checks, all counted by our own read
 *     loop (Debian's libzip does not enforce declared sizes);
 *   - XML parsed by a libxml2 SAX2 push parser with NONET and never
 *     NOENT/HUGE; any DOCTYPE is an error (OPC forbids DTDs), element depth
 *     is counted by us, invalid UTF-8 is reported with its byte position;
 *   - relationships are resolved in memory and never followed outside the
 *     package.
 * The file is read into memory once (hashing, sniffing and unzipping share
 * the bytes), so the only file I/O is one read.
 */
#ifndef PL_OOXML_H
#define PL_OOXML_H

#include <stdint.h>

#include "doc/doc.h"
#include "util/status.h"

typedef struct ooxml_limits {
    uint64_t max_file_bytes;     /* the file on disk */
    uint32_t max_entries;        /* zip entries */
    uint64_t max_part_bytes;     /* one inflated part */
    uint64_t max_total_bytes;    /* all inflated parts together */
    uint32_t max_ratio;          /* inflated/compressed, checked after ratio_grace */
    uint64_t ratio_grace_bytes;
    uint32_t max_depth;          /* XML element nesting */
    uint64_t max_text_bytes;     /* text emitted for one document */
    uint32_t max_shared_strings; /* XLSX sharedStrings items */
    uint64_t max_shared_bytes;   /* XLSX sharedStrings text kept in memory */
    uint64_t max_cells;          /* XLSX cells in one workbook */
} ooxml_limits;

typedef struct ooxml_options {
    ooxml_limits limits;
    doc_tracked tracked;
    bool metadata; /* emit docProps as DOC_CH_METADATA blocks */
} ooxml_options;

void ooxml_options_default(ooxml_options *opt);

/* Reads path. info must be initialised (doc_info_init); it receives the
 * format, hash and counts even when the document is then refused, so a
 * report can still name the file's SHA-256. On error nothing more is
 * emitted; blocks already delivered stay delivered. */
pl_status ooxml_read_file(const char *path, const ooxml_options *opt, doc_info *info,
                          const doc_sink *sink, pl_error *err);

/* Same, from bytes in memory (the tests and fuzzers use it). name is used in
 * messages and info->path. */
pl_status ooxml_read_memory(const void *data, size_t n, const char *name,
                            const ooxml_options *opt, doc_info *info, const doc_sink *sink,
                            pl_error *err);

#endif
