/*
 * internal.h - what the files of src/guideline/ share and no one else sees:
 * compiled patterns, the detection of one requirement in normalised text,
 * and the loaded set.
 */
#ifndef PL_GUIDELINE_INTERNAL_H
#define PL_GUIDELINE_INTERNAL_H

#include "guideline.h"
#include "util/pattern.h"

/* ---- patterns (match.c) ---------------------------------------------------- */

/* Compiles a pattern written in a data file: its Japanese words are folded
 * as text is (取り扱い -> 取扱), then compiled as every polint pattern is
 * (util/pattern.h). NULL with a reason in msg on failure. */
pattern *gl_pattern_compile(const char *raw, char *msg, size_t msg_size);

/* A scratch for matching guideline patterns: one per thread, with the
 * guideline's own match limit. */
pattern_scratch *gl_scratch_new(void);

/* ---- detection of one requirement ------------------------------------------ */

typedef struct gl_match {
    bool block;          /* within="block"; else sentence */
    pattern **re;
    size_t nre;
    pattern **not;
    size_t nnot;
} gl_match;

typedef struct gl_weak {
    const char *label_ja, *label_en;
    pattern *re;
    pattern **unless;
    size_t nunless;
} gl_weak;

struct guideline_detect {
    gl_match *matches;
    size_t nmatches;
    const gl_weak *const *weaks; /* named ones are shared with the set */
    size_t nweaks;
    pattern *context;         /* NULL: found anywhere counts */
};

typedef struct gl_hit {
    int state;            /* 1 found, 0 not found, -1 undecided */
    size_t start, end;    /* the first pattern's match, normalised bytes */
    size_t sent_start, sent_end; /* the sentence around it */
    const gl_weak *weak;  /* the weakening found in that sentence, or NULL */
    size_t weak_start, weak_end;
} gl_hit;

/* Looks for the requirement in one normalised block. */
void gl_detect_block(const guideline_detect *d, pattern_scratch *s, const char *text, size_t len,
                     gl_hit *hit);
/* Does the context pattern match text? (true when the item has none) */
int gl_context_match(const guideline_detect *d, pattern_scratch *s, const char *text, size_t len);

/* Pattern literals are folded with these classes (width and spaces are left
 * alone so that regex syntax survives). */
#define GL_PATTERN_FOLDING (TEXT_NORM_VARIANTS | TEXT_NORM_KANJI | TEXT_NORM_ITERATION)

/* ---- the loaded set ---------------------------------------------------------- */

typedef struct gl_example {
    guideline_status expect;
    const char *text;
    int line;
} gl_example;

/* What an item version carries beyond the public struct. */
typedef struct gl_item {
    guideline_item pub;
    int def_line; /* line of the <item> that introduced the id, for ordering */
    guideline_detect detect;
    gl_example *examples;
    size_t nexamples;
} gl_item;

typedef struct gl_edition {
    guideline_edition pub;
    guideline_section *sections;
    size_t nsections, cap_sections;
    const guideline_item **items;
    size_t nitems, cap_items;
    guideline_removal *removals;
    size_t nremovals, cap_removals;
    guideline_removal *withdrawals;
    size_t nwithdrawals, cap_withdrawals;
    int *section_lines; /* per section: line where this edition set it, 0 if inherited */
    int outline_line;
    const guideline_set *set; /* the set it belongs to */
} gl_edition;

struct guideline_set {
    arena mem;
    guideline_source *sources;
    size_t nsources, cap_sources;
    gl_weak **weaks; /* named weakenings */
    const char **weak_ids;
    size_t nweaks, cap_weaks, cap_weak_ids;
    gl_edition **editions; /* oldest first */
    size_t neditions, cap_editions;
    gl_item **versions;    /* every item version, for the examples and freeing */
    size_t nversions, cap_versions;
    pattern **patterns; /* every compiled pattern, freed with the set */
    size_t npatterns, cap_patterns;
    rules_edition *rules;
};

/* Title key for matching: normalised, without spaces, punctuation and the
 * particles and conjunctions that vary between copies (の と 及び 並びに 等). */
void gl_title_key(const char *title, sbuf *out);
/* Similarity of two keys in [0, 1]: bigram Dice, raised when one contains the
 * other. */
double gl_title_similarity(const char *a, const char *b);

#endif
