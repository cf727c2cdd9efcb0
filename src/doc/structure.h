/*
 * structure.h - how a Japanese official document is built: its clause tree,
 * what kind of document it is, and who its parties are.
 *
 * Japanese contracts and policies are written to a fixed grammar of labels,
 * and every rule that says "第6条第1項 forbids subcontracting" needs it:
 *
 *   第1章 総則 / 第1節 / 第1款          chapters, sections, subsections
 *   （目的）                             an article's caption, on its own line
 *   第1条 この契約は…  第3条の2           articles (literal, or a rendered label)
 *   ２ 乙は…                             numbered paragraphs (項); the first has no number
 *   一 …  (1) …                          items (号)
 *   ア …  (ア) …  ① …                    sub-items
 *   別記 / 別紙1 / 別表第1 / 附則          appendices and supplementary provisions
 *   1 目的 / 1.1 / 第1 総則               headings of specifications and policies
 *
 * The segmenter reads each body paragraph's rendered label (docx numbering)
 * or the literal start of its text, decides which of these it is, and keeps a
 * stack of open clauses ranked by kind, so an item closes at the next
 * paragraph and a paragraph at the next article. It is deliberately strict
 * about what follows a label: 「第三者」 is not an article, 「第3条に定める」
 * at the start of a sentence is a reference not a heading, 「2年間」 is not
 * paragraph 2. Table cells, text boxes and tracked deletions belong to the
 * clause around them; headers, footers, comments and notes to none.
 *
 * Every block gets a clause path: 第6条, 第6条第2項第1号 (第1項 only when the
 * article has a second paragraph), 別記 第3条, or for specifications 2(1)ア.
 */
#ifndef PL_DOC_STRUCTURE_H
#define PL_DOC_STRUCTURE_H

#include <stddef.h>
#include <stdint.h>

#include "doc/doc.h"
#include "util/arena.h"

typedef enum doc_clause_kind {
    DOC_CLAUSE_CHAPTER = 0, /* 第N編/章/節/款 */
    DOC_CLAUSE_ARTICLE,     /* 第N条 */
    DOC_CLAUSE_PARAGRAPH,   /* 項 */
    DOC_CLAUSE_ITEM,        /* 号: 一, (1) under an article */
    DOC_CLAUSE_SUBITEM,     /* ア, (ア), ①, イ ロ ハ */
    DOC_CLAUSE_HEADING,     /* 1, 1.1, 第1, (1) in specifications; heading styles */
    DOC_CLAUSE_APPENDIX,    /* 別記, 別紙, 別表, 様式, 附則 */
} doc_clause_kind;

typedef struct doc_clause {
    doc_clause_kind kind;
    int rank;           /* nesting order: lower is higher */
    int64_t number;     /* 6 for 第6条, 2 for ２, 1 for ア; 0 if none */
    int64_t branch;     /* 2 for 第3条の2 */
    const char *label;  /* as written: "第６条", "２", "（１）", "別記" */
    const char *caption;/* 再委託 for （再委託）, or a heading's title; NULL if none */
    const char *path;   /* 第6条第2項, 別記 第3条, 2(1)ア */
    const char *path_first; /* an article's own text once it has numbered
                               paragraphs: 第6条第1項 (else == path) */
    int parent;         /* index of the enclosing clause, -1 at top */
    size_t first_block, last_block; /* inclusive range in doc_document.blocks */
    int paragraphs;     /* numbered paragraphs seen (articles) */
} doc_clause;

typedef enum doc_party_role {
    DOC_PARTY_UNKNOWN = 0,
    DOC_PARTY_CLIENT,     /* 甲 (the public body), 委託者, 発注者 */
    DOC_PARTY_CONTRACTOR, /* 乙, 受託者, 受注者 */
} doc_party_role;

typedef struct doc_party {
    const char *name;   /* the defined term: 甲, 乙, 受託者 */
    const char *entity; /* who it stands for, when written: ○○市, 株式会社△△ */
    doc_party_role role;
    size_t block;       /* where it was defined */
} doc_party;

typedef struct doc_structure {
    arena mem;
    doc_clause *clauses;
    size_t nclauses, cap;
    int32_t *block_clause; /* innermost clause of each block, -1 for none */
    size_t nblocks;
    doc_type type;
    const char *type_basis;    /* why: "given", "title", "filename", "parties",
                                  "vocabulary", "spreadsheet", "none" */
    const char *type_evidence; /* the words that decided it, NULL if none */
    doc_party *parties;
    size_t nparties, cap_parties;
} doc_structure;

/* Builds the structure of d. forced: DOC_TYPE_UNKNOWN to guess the type. */
void doc_structure_build(doc_structure *s, const doc_document *d, doc_type forced);
void doc_structure_free(doc_structure *s);

/* The clause path of block i ("" when the block is outside any clause). */
const char *doc_structure_path(const doc_structure *s, size_t block);
/* Innermost clause of block i, or NULL. */
const doc_clause *doc_structure_clause(const doc_structure *s, size_t block);
/* The article (or top heading) containing block i: the unit of "same clause". */
const doc_clause *doc_structure_article(const doc_structure *s, size_t block);
/* The appendix containing block i, or NULL. */
const doc_clause *doc_structure_appendix(const doc_structure *s, size_t block);

const char *doc_clause_kind_name(doc_clause_kind k);
const char *doc_party_role_name(doc_party_role r);

#endif
