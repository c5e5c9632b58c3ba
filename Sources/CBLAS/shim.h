// OpenBLAS's CBLAS interface, its thread-count control, and the LAPACK routines raglab calls.
#include <stddef.h>
#include <cblas.h>
void openblas_set_num_threads(int num_threads);

// LAPACK dsyevd (Fortran ABI, exported by libopenblas): eigenvalues (ascending) and, with
// jobz = 'V', orthonormal eigenvectors of a symmetric matrix, by divide and conquer. Every
// argument is a pointer; gfortran appends the lengths of the two CHARACTER arguments.
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda,
             double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info,
             size_t jobz_len, size_t uplo_len);
