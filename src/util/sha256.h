/*
 * sha256.h - SHA-256 (FIPS 180-4), for the file hashes every report records
 * so that a finding can be tied to the exact bytes that were checked.
 */
#ifndef PL_SHA256_H
#define PL_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct sha256_ctx {
    uint32_t state[8];
    uint64_t total;      /* bytes hashed so far */
    unsigned char block[64];
    size_t fill;         /* bytes waiting in block */
} sha256_ctx;

void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t n);
void sha256_final(sha256_ctx *c, unsigned char digest[32]);

/* Lower-case hex of the digest of data: 64 characters plus NUL. */
void sha256_hex(const void *data, size_t n, char hex[65]);

#endif
