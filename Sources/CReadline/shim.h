#ifndef INTAKE_CREADLINE_SHIM_H
#define INTAKE_CREADLINE_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <sys/select.h>
#include <fcntl.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 rejects assignments to readline's C globals as not concurrency-safe: these
   setters keep the unsafe part in C, where it belongs. */

/* The state the signal handlers and the reader share is one copy for the whole program:
   weak, not static. A static in this header is a copy per object file that uses it, and
   a release build compiles the chat's Swift in several objects: the handler set one copy
   of the Ctrl-C flag while the reader cleared another, and the chat re-asked forever. */
#define INTAKE_SHARED __attribute__((weak))

INTAKE_SHARED volatile sig_atomic_t intake_interrupted = 0;
INTAKE_SHARED volatile sig_atomic_t intake_end_signal = 0;

static void intake_on_sigint(int signo) {
    (void)signo;
    intake_interrupted = 1;
}

static void intake_on_end_signal(int signo) {
    intake_end_signal = signo;
}

/* Signals from outside that end the session (SIGTERM, and SIGINT when not on a
   terminal): recorded, so that the reader returns and the session ends cleanly after
   writing what was asked. No SA_RESTART: a blocked read() returns EINTR. */
static inline void intake_install_end_handlers(int include_interrupt) {
    struct sigaction action;
    action.sa_handler = intake_on_end_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    if (include_interrupt) sigaction(SIGINT, &action, NULL);
}

static inline int intake_take_end_signal(void) {
    return intake_end_signal;
}

/* A crash (a bug) ends the process with one fixed line and exit status 70, instead of
   the runtime's backtrace: a backtrace shows the program's memory and frames, which
   can hold what a person typed. Only async-signal-safe calls; an alternate stack, so
   that a stack overflow is reported too. */
static void intake_on_crash(int signo) {
    static const char message[] =
        "intake: internal error: the program stopped because of a bug (nothing you typed is shown here).\n"
        "  Please report it with the command you ran and, if you can, the input that caused it.\n";
    (void)signo;
    ssize_t ignored = write(STDERR_FILENO, message, sizeof message - 1);
    (void)ignored;
    _exit(70);
}

static inline void intake_install_crash_handlers(void) {
    static char alternate_stack[1 << 16];
    stack_t stack;
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    stack.ss_flags = 0;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    action.sa_handler = intake_on_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
}

/* readline's own getc retries after EINTR; this one reads the byte itself so that
   Ctrl-C abandons the line (readline sees an empty line) and SIGTERM ends input.
   SIGINT and SIGTERM stay blocked except inside pselect(), which unblocks them
   atomically while it waits: a signal that arrives while readline is busy redrawing is
   seen before the next wait instead of after the next key. The byte is read through a
   non-blocking descriptor of the same terminal, because Ctrl-C empties the terminal's
   input queue: a read() after pselect() reported a byte could otherwise wait for the
   next key with the interrupt blocked. */
INTAKE_SHARED int intake_nonblocking_fd = -1;
/* Whether the line Ctrl-C abandoned had text: at an empty prompt the chat says how to leave. */
INTAKE_SHARED int intake_interrupted_text = 0;

static inline int intake_take_interrupted_text(void) {
    int had = intake_interrupted_text;
    intake_interrupted_text = 0;
    return had;
}

static int intake_getc(FILE *stream) {
    int fd = fileno(stream);
    int read_fd = (fd == STDIN_FILENO && intake_nonblocking_fd >= 0) ? intake_nonblocking_fd : fd;
    sigset_t blocked, waiting;
    sigemptyset(&blocked);
    sigaddset(&blocked, SIGINT);
    sigaddset(&blocked, SIGTERM);
    sigprocmask(SIG_BLOCK, &blocked, &waiting);
    int result;
    for (;;) {
        if (intake_end_signal) { result = EOF; break; }
        if (intake_interrupted) {
            intake_interrupted_text = rl_end > 0;
            rl_replace_line("", 0);
            rl_point = rl_end = 0;
            result = '\n';
            break;
        }
        int ready = 1;
        if (fd < FD_SETSIZE) {
            fd_set readable;
            FD_ZERO(&readable);
            FD_SET(fd, &readable);
            ready = pselect(fd + 1, &readable, NULL, NULL, NULL, &waiting);
        }
        if (ready < 0) {
            if (errno == EINTR) continue;
            result = EOF;
            break;
        }
        unsigned char c;
        ssize_t n = read(read_fd, &c, 1);
        if (n == 1) { result = c; break; }
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        result = EOF;
        break;
    }
    sigprocmask(SIG_SETMASK, &waiting, NULL);
    return result;
}

static inline void intake_readline_setup(void) {
    /* A descriptor of its own, so that O_NONBLOCK does not reach the shell's. */
    const char *terminal = ttyname(STDIN_FILENO);
    if (terminal && intake_nonblocking_fd < 0)
        intake_nonblocking_fd = open(terminal, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct sigaction action;
    action.sa_handler = intake_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: a blocked call returns EINTR */
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

#endif
