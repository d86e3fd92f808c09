#ifndef PILOT_CZEROMQ_SHIM_H
#define PILOT_CZEROMQ_SHIM_H
// libzmq's C API, from Debian's libzmq3-dev.
#include <zmq.h>
#include <errno.h>

// errno is a macro over a thread-local; Swift reads it through this function, right after the
// failing call (zmq_errno() reads the same value).
static inline int pilot_zmq_errno(void) { return zmq_errno(); }

// The errno values the wrapper tells apart; ETERM is libzmq's own.
static inline int pilot_zmq_error_interrupted(void) { return EINTR; }
static inline int pilot_zmq_error_terminated(void) { return ETERM; }
static inline int pilot_zmq_error_not_socket(void) { return ENOTSOCK; }
#endif
