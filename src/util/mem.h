/*
 * mem.h - allocation that cannot return NULL.
 *
 * Every input is bounded by explicit caps (see ooxml/ooxml.h), so running out
 * of memory means the machine itself is exhausted. As in git's xmalloc, the
 * only honest reaction is to stop with a message rather than to thread a
 * NOMEM path through every string append.
 */
#ifndef PL_MEM_H
#define PL_MEM_H

#include <stddef.h>
#include <stdlib.h> /* free() is the partner of every function here */

void *pl_xmalloc(size_t n);
void *pl_xcalloc(size_t count, size_t size);
void *pl_xrealloc(void *p, size_t n);
char *pl_xstrdup(const char *s);
char *pl_xstrndup(const char *s, size_t n);

/* Grows *items (of elem_size each) so that at least need elements fit. */
void pl_grow(void **items, size_t *cap, size_t need, size_t elem_size);

#define PL_GROW(arr, cap, need) pl_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

#endif
