// Private: whether this build compiles the x86 SIMD code, and how call sites choose between it
// and the portable code without naming x86-only functions on other architectures.
#pragma once

#if defined(__x86_64__) || defined(__i386__)
#define CK_X86 1
#else
#define CK_X86 0
#endif

// CK_AVX2_OR(use, simd, portable): `simd` when `use` is non-zero on x86, otherwise `portable`.
// Elsewhere `simd` is dropped by the preprocessor, so the AVX2 functions need not exist there.
#if CK_X86
#define CK_AVX2_OR(use, simd, portable) ((use) ? (simd) : (portable))
#else
#define CK_AVX2_OR(use, simd, portable) ((void)(use), (portable))
#endif
