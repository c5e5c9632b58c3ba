// SHA-256 of a byte buffer (for model file checksums).
#pragma once
#include <stddef.h>
#include <stdint.h>

/// Incremental SHA-256 state.
typedef struct { uint32_t h[8]; uint8_t buf[64]; uint64_t len; size_t fill; } ck_sha256_ctx;
/// Starts a digest.
void ck_sha256_init(ck_sha256_ctx *c);
/// Feeds `n` bytes.
void ck_sha256_update(ck_sha256_ctx *c, const void *data, size_t n);
/// Writes the 32-byte digest.
void ck_sha256_final(ck_sha256_ctx *c, uint8_t out[32]);
