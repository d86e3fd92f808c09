#ifndef PILOT_CEDITLINE_SHIM_H
#define PILOT_CEDITLINE_SHIM_H
// libedit (BSD editline), from Debian's libedit-dev.
#include <stdio.h>
#include <histedit.h>

/// The libedit major and minor version this was built against.
static inline int pilot_libedit_major(void) { return LIBEDIT_MAJOR; }
static inline int pilot_libedit_minor(void) { return LIBEDIT_MINOR; }

// Swift 6 rejects C's stdin/stdout/stderr globals: hand them out through functions.
static inline FILE *pilot_stdin(void) { return stdin; }
static inline FILE *pilot_stdout(void) { return stdout; }
static inline FILE *pilot_stderr(void) { return stderr; }

// el_set, el_get and history are variadic; Swift cannot call them directly.
static inline int pilot_el_set_prompt(EditLine *e, char *(*prompt)(EditLine *)) {
    return el_set(e, EL_PROMPT, prompt);
}
static inline int pilot_el_set_editor(EditLine *e, const char *mode) {
    return el_set(e, EL_EDITOR, mode);
}
static inline int pilot_el_set_history(EditLine *e, History *h) {
    return el_set(e, EL_HIST, history, h);
}
static inline int pilot_el_set_clientdata(EditLine *e, void *data) {
    return el_set(e, EL_CLIENTDATA, data);
}
static inline void *pilot_el_get_clientdata(EditLine *e) {
    void *data = 0;
    el_get(e, EL_CLIENTDATA, &data);
    return data;
}
static inline int pilot_history_setsize(History *h, HistEvent *ev, int size) {
    return history(h, ev, H_SETSIZE, size);
}
static inline int pilot_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
static inline int pilot_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
static inline int pilot_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
#endif
