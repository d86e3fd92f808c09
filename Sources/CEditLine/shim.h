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
/// Replaces how libedit reads one character (the shell reads it itself, to end the line on Ctrl-C).
static inline int pilot_el_set_getcfn(EditLine *e, int (*read_char)(EditLine *, wchar_t *)) {
    return el_set(e, EL_GETCFN, read_char);
}
static inline int pilot_el_set_signal(EditLine *e, int on) {
    return el_set(e, EL_SIGNAL, on);
}
/// Binds `key` (e.g. "^R") to the editor function named `command` (e.g. "em-inc-search-prev").
static inline int pilot_el_bind(EditLine *e, const char *key, const char *command) {
    return el_set(e, EL_BIND, key, command, (const char *)0);
}
/// Adds a user function `name` that libedit calls with the key that triggered it.
static inline int pilot_el_addfn(EditLine *e, const char *name, const char *help,
                                 unsigned char (*function)(EditLine *, int)) {
    return el_set(e, EL_ADDFN, name, help, function);
}
/// The return codes of editor functions (macros in histedit.h, invisible to Swift as values).
static inline unsigned char pilot_cc_norm(void) { return CC_NORM; }
static inline unsigned char pilot_cc_refresh(void) { return CC_REFRESH; }
static inline unsigned char pilot_cc_redisplay(void) { return CC_REDISPLAY; }
static inline unsigned char pilot_cc_error(void) { return CC_ERROR; }
static inline int pilot_history_setunique(History *h, HistEvent *ev, int unique) {
    return history(h, ev, H_SETUNIQUE, unique);
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
