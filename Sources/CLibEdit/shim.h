/*
 * The small piece of C that Swift needs to drive libedit's native API (histedit.h).
 *
 * Swift does not import variadic C functions (el_set, el_get, history), so each operation the
 * line editor uses gets a typed one-line wrapper here, as LLDB's Editline.h does. Swift 6 also
 * rejects reads of C mutable globals, so stdin/stdout/stderr come through accessor functions.
 * Everything is `static inline`: Swift compiles these itself, and no separate C target is needed.
 * libedit itself is loaded on first use (below), so every call goes through these functions.
 */
#ifndef ADVISOR_CLIBEDIT_SHIM_H
#define ADVISOR_CLIBEDIT_SHIM_H

#include <dlfcn.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <sys/ioctl.h>

/*
 * libedit is loaded when the interactive advisor first needs it, not linked: `ask`, `--json`
 * and piped input never edit a line, and mapping libedit and the three libraries it pulls in
 * cost every start 0.3 ms (a tenth of `advisor ask`). Each function is looked up once.
 * The header is still read at build time (libedit-dev); at run time only libedit.so.2 is.
 */
static inline void *advisor_libedit(void) {
    static void *handle = NULL;
    if (handle == NULL) handle = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) handle = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
    return handle;
}
/* Whether libedit can be loaded: when it cannot, no other function here may be called. */
static inline int advisor_libedit_available(void) { return advisor_libedit() != NULL; }
/* Declares `advisor_fn`, the function `name` of the given pointer type, looked up once. */
#define ADVISOR_LIBEDIT_FN(name, ...) \
    static __typeof__((__VA_ARGS__)0) advisor_fn = NULL; \
    if (advisor_fn == NULL) advisor_fn = (__VA_ARGS__)dlsym(advisor_libedit(), name);

static inline EditLine *advisor_el_init(const char *program, FILE *in, FILE *out, FILE *err) {
    ADVISOR_LIBEDIT_FN("el_init", EditLine *(*)(const char *, FILE *, FILE *, FILE *))
    return advisor_fn(program, in, out, err);
}
static inline void advisor_el_end(EditLine *el) { ADVISOR_LIBEDIT_FN("el_end", void (*)(EditLine *)) advisor_fn(el); }
static inline const char *advisor_el_gets(EditLine *el, int *count) {
    ADVISOR_LIBEDIT_FN("el_gets", const char *(*)(EditLine *, int *))
    return advisor_fn(el, count);
}
static inline int advisor_el_wgetc(EditLine *el, wchar_t *c) { ADVISOR_LIBEDIT_FN("el_wgetc", int (*)(EditLine *, wchar_t *)) return advisor_fn(el, c); }
static inline const LineInfo *advisor_el_line(EditLine *el) { ADVISOR_LIBEDIT_FN("el_line", const LineInfo *(*)(EditLine *)) return advisor_fn(el); }
static inline const LineInfoW *advisor_el_wline(EditLine *el) { ADVISOR_LIBEDIT_FN("el_wline", const LineInfoW *(*)(EditLine *)) return advisor_fn(el); }
static inline int advisor_el_source(EditLine *el, const char *file) { ADVISOR_LIBEDIT_FN("el_source", int (*)(EditLine *, const char *)) return advisor_fn(el, file); }
static inline int advisor_el_insertstr(EditLine *el, const char *text) { ADVISOR_LIBEDIT_FN("el_insertstr", int (*)(EditLine *, const char *)) return advisor_fn(el, text); }
static inline void advisor_el_deletestr(EditLine *el, int count) { ADVISOR_LIBEDIT_FN("el_deletestr", void (*)(EditLine *, int)) advisor_fn(el, count); }
static inline History *advisor_history_init(void) { ADVISOR_LIBEDIT_FN("history_init", History *(*)(void)) return advisor_fn(); }
static inline void advisor_history_end(History *h) { ADVISOR_LIBEDIT_FN("history_end", void (*)(History *)) advisor_fn(h); }
/* The variadic functions, through pointers of their own (variadic) types. */
static inline int (*advisor_el_set_fn(void))(EditLine *, int, ...) { ADVISOR_LIBEDIT_FN("el_set", int (*)(EditLine *, int, ...)) return advisor_fn; }
static inline int (*advisor_el_wset_fn(void))(EditLine *, int, ...) { ADVISOR_LIBEDIT_FN("el_wset", int (*)(EditLine *, int, ...)) return advisor_fn; }
static inline int (*advisor_el_get_fn(void))(EditLine *, int, ...) { ADVISOR_LIBEDIT_FN("el_get", int (*)(EditLine *, int, ...)) return advisor_fn; }
static inline int (*advisor_history_fn(void))(History *, HistEvent *, int, ...) {
    ADVISOR_LIBEDIT_FN("history", int (*)(History *, HistEvent *, int, ...))
    return advisor_fn;
}
#define el_set (advisor_el_set_fn())
#define el_wset (advisor_el_wset_fn())
#define el_get (advisor_el_get_fn())
#define history (advisor_history_fn())

static inline FILE *advisor_stdin(void) { return stdin; }
static inline FILE *advisor_stdout(void) { return stdout; }
static inline FILE *advisor_stderr(void) { return stderr; }

/* A key function added with EL_ADDFN; returns one of the CC_* codes. */
typedef unsigned char (*advisor_el_function)(EditLine *, int);
/* The prompt callback of EL_PROMPT_ESC. */
typedef char *(*advisor_el_prompt)(EditLine *);

static inline int advisor_el_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int advisor_el_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
/* `ignore` brackets the prompt's escape sequences so they do not count towards its width. */
static inline int advisor_el_set_prompt(EditLine *el, advisor_el_prompt prompt, char ignore) {
    return el_set(el, EL_PROMPT_ESC, prompt, ignore);
}
static inline int advisor_el_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int advisor_el_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *advisor_el_clientdata(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}
/* EL_ADDFN through the wide API: the narrow el_set copies name and help with wcsdup and never
   frees them (libedit's own comment: "The two strdup's leak"); here the caller owns them. */
static inline int advisor_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help, advisor_el_function f) {
    return el_wset(el, EL_ADDFN, name, help, f);
}
static inline int advisor_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, NULL);
}
/* `EL_SETTY -d -isig`: while editing, ^C is a key, not a signal. */
static inline int advisor_el_setty_edit(EditLine *el, const char *flag) { return el_set(el, EL_SETTY, "-d", flag, NULL); }
/* The function libedit reads each character with (EL_GETCFN); NULL restores its own. */
typedef int (*advisor_el_read_char)(EditLine *, wchar_t *);
static inline int advisor_el_set_read_char(EditLine *el, advisor_el_read_char f) { return el_set(el, EL_GETCFN, f); }
/* How many bytes are waiting to be read on a terminal (FIONREAD; ioctl is variadic). */
static inline int advisor_pending_bytes(int fd) { int count = 0; return ioctl(fd, FIONREAD, &count) == 0 ? count : 0; }
/* The terminal's width as libedit knows it (it follows SIGWINCH when EL_SIGNAL is on). */
static inline int advisor_el_columns(EditLine *el) {
    int columns = 0;
    return el_get(el, EL_GETTC, "co", &columns) == 0 && columns > 0 ? columns : 80;
}

static inline int advisor_history_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int advisor_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int advisor_history_clear(History *h) { HistEvent ev; return history(h, &ev, H_CLEAR); }
static inline int advisor_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int advisor_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int advisor_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
/* Oldest entry (H_LAST) and then each newer one (H_PREV); NULL after the newest. */
static inline const char *advisor_history_oldest(History *h) { HistEvent ev; return history(h, &ev, H_LAST) == 0 ? ev.str : NULL; }
static inline const char *advisor_history_newer(History *h) { HistEvent ev; return history(h, &ev, H_PREV) == 0 ? ev.str : NULL; }

#endif
