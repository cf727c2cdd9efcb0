/*
 * docbuild.h - a doc_document from lines of text, for tests of the layers
 * above the readers (structure, rules). Each line is one body paragraph;
 * prefixes give other shapes:
 *   "L:第１条|この契約は"   a paragraph with a rendered list label
 *   "H2:総則"               a paragraph with outline level 2
 *   "T:a|b|c"               one table row (cells separated by |)
 *   "C:要確認"              a comment;  "D:削除"  tracked deleted text
 */
#ifndef TEST_DOCBUILD_H
#define TEST_DOCBUILD_H

#include "doc/doc.h"

/* lines ends with NULL; path (may be NULL) becomes info.path */
void docbuild(doc_document *d, const char *path, const char *const *lines);

#endif
