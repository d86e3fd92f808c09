#ifndef PILOT_CGZIP_SHIM_H
#define PILOT_CGZIP_SHIM_H
// zlib's gzip file reading, from Debian's zlib1g-dev.
#include <zlib.h>
#endif
