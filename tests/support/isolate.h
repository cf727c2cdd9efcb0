/*
 * isolate.h - run one document read in a child process and measure it.
 *
 * A hostile file must give a specific error, quickly, in bounded memory, and
 * never crash. Running the read in a fork lets a test assert all four at once:
 * the child reports the status through a pipe, the parent sees a crash as a
 * signal, and wait4() gives the child's own peak RSS and CPU time (so the
 * numbers are not polluted by the test process). A wall-clock alarm kills a
 * hang instead of letting the test suite hang.
 */
#ifndef TEST_ISOLATE_H
#define TEST_ISOLATE_H

#include <stddef.h>

#include "ooxml/ooxml.h"

typedef struct isolate_result {
    int status;         /* pl_status from the child, or -1 if it died */
    int signal;         /* signal that killed the child (0 if none) */
    double seconds;     /* wall time */
    long max_rss_kb;    /* how far the child's resident set grew while reading (its
                           peak minus what it held at the start, which includes
                           the test's own copy of the input) */
    unsigned long blocks; /* blocks the child received */
} isolate_result;

/* Reads data with opt (NULL: defaults) in a child, with a 60 s alarm. */
isolate_result isolate_read(const void *data, size_t n, const ooxml_options *opt);

#endif
