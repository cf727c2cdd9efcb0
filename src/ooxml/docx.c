/*
 * docx.c - the DOCX reader. Not written yet: the package, sniffing and XML
 * layers land first; until the reader does, DOCX files are refused with
 * an explicit error rather than reported as empty.
 */
#include "internal.h"

pl_status docx_read(pkg *pk, const char *main_part, const ooxml_options *opt, doc_info *info,
                    const doc_sink *sink, pl_error *err)
{
    (void)pk, (void)opt, (void)info, (void)sink;
    return pl_error_set(err, PL_E_UNSUPPORTED_TYPE, main_part, "DOCX reader not built yet");
}
