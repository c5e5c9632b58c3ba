// zlib, for reading .gz data files (gzopen/gzread also read uncompressed files unchanged).
#include <zlib.h>
