/*
 * arena.h - bump allocation for everything that lives as long as a document.
 *
 * A document's blocks, strings and annotations are freed together, so one
 * arena per document replaces thousands of small free() calls and makes leaks
 * impossible by construction.
 */
#ifndef PL_ARENA_H
#define PL_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;
    size_t used_total; /* bytes handed out, for the memory benchmark */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
void *arena_alloc(arena *a, size_t n); /* 16-byte aligned, zero-filled */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);

#endif
