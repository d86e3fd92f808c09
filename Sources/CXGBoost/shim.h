#ifndef PILOT_CXGBOOST_SHIM_H
#define PILOT_CXGBOOST_SHIM_H
// libxgboost's C API, from Debian's libxgboost-dev.
#include <xgboost/c_api.h>
#endif
