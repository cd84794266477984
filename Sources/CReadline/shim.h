#ifndef INTAKE_CREADLINE_SHIM_H
#define INTAKE_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 rejects assignments to readline's C globals as not concurrency-safe: these
   setters keep the unsafe part in C, where it belongs. */

static volatile sig_atomic_t intake_interrupted = 0;

static void intake_on_sigint(int signo) {
    (void)signo;
    intake_interrupted = 1;
}

/* A getc that turns Ctrl-C into "abandon this line": readline sees an empty line. */
static int intake_getc(FILE *stream) {
    for (;;) {
        int c = rl_getc(stream);
        if (c == EOF && errno == EINTR && intake_interrupted) {
            rl_replace_line("", 0);
            rl_point = rl_end = 0;
            return '\n';
        }
        if (c != EOF || errno != EINTR) return c;
    }
}

static inline void intake_readline_setup(void) {
    struct sigaction action;
    action.sa_handler = intake_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: read() returns EINTR so intake_getc sees it */
    sigaction(SIGINT, &action, NULL);
    rl_catch_signals = 0;
    rl_catch_sigwinch = 1;
    rl_getc_function = intake_getc;
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_readline_name = "intake";
}

static inline int intake_take_interrupt(void) {
    int was = intake_interrupted;
    intake_interrupted = 0;
    return was;
}

typedef char *(*intake_generator)(const char *, int);

static inline void intake_set_completion(intake_generator generator) {
    rl_completion_entry_function = generator;
    rl_basic_word_break_characters = "";  /* complete the whole line: choices have spaces */
}

static inline int intake_screen_columns(void) {
    int rows = 0, cols = 0;
    rl_get_screen_size(&rows, &cols);
    return cols;
}

#endif
