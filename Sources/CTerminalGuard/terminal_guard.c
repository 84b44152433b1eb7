#include "terminal_guard.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static int saved_modes_fd = -1;
static char leave_bytes[256];
static size_t leave_length = 0;
static int leave_fd = -1;
static int pipe_ends[2] = { -1, -1 };
static volatile sig_atomic_t installed = 0;

static const int noted_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGTSTP };
static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction previous_fatal[FATAL_COUNT];

int tg_save_modes(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_modes_fd = fd;
    return 0;
}

void tg_set_leave_sequence(int fd, const char *bytes, size_t length) {
    if (length > sizeof leave_bytes - 1) length = sizeof leave_bytes - 1;
    leave_length = 0;
    memcpy(leave_bytes, bytes, length);
    leave_length = length;
    leave_fd = fd;
}

void tg_restore_terminal(void) {
    int saved_errno = errno;
    if (leave_fd >= 0 && leave_length > 0) {
        size_t done = 0;
        while (done < leave_length) {
            ssize_t n = write(leave_fd, leave_bytes + done, leave_length - done);
            if (n > 0) done += (size_t)n;
            else if (n < 0 && errno == EINTR) continue;
            else break;
        }
    }
    if (saved_modes_fd >= 0) tcsetattr(saved_modes_fd, TCSANOW, &saved_modes);
    errno = saved_errno;
}

static void note(int signal) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signal;
    if (pipe_ends[1] >= 0) (void)!write(pipe_ends[1], &byte, 1);
    errno = saved_errno;
}

static void fatal(int signal, siginfo_t *info, void *context) {
    tg_restore_terminal();
    for (size_t i = 0; i < FATAL_COUNT; i++) {
        if (fatal_signals[i] != signal) continue;
        struct sigaction *before = &previous_fatal[i];
        if ((before->sa_flags & SA_SIGINFO) && before->sa_sigaction) {
            before->sa_sigaction(signal, info, context);
        } else if (!(before->sa_flags & SA_SIGINFO) && before->sa_handler != SIG_DFL && before->sa_handler != SIG_IGN) {
            before->sa_handler(signal);
        }
        break;
    }
    // Then the default action, whatever the handler before did: it may return expecting the fault
    // to happen again, which a signal sent by kill() would not. Raised while blocked, it is
    // delivered as this handler returns.
    struct sigaction plain;
    memset(&plain, 0, sizeof plain);
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    sigaction(signal, &plain, NULL);
    raise(signal);
}

int tg_install(void) {
    if (installed) return pipe_ends[0];
    if (pipe(pipe_ends) != 0) {
        pipe_ends[0] = pipe_ends[1] = -1;
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(pipe_ends[i], F_SETFL, fcntl(pipe_ends[i], F_GETFL) | O_NONBLOCK);
        fcntl(pipe_ends[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    // SA_RESTART: a system call under way (a database read or write) goes on rather than failing.
    action.sa_flags = SA_RESTART;
    action.sa_handler = note;
    for (size_t i = 0; i < sizeof noted_signals / sizeof noted_signals[0]; i++) sigaction(noted_signals[i], &action, NULL);

    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_SIGINFO | SA_ONSTACK;
    crash.sa_sigaction = fatal;
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &crash, &previous_fatal[i]);

    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof noted_signals / sizeof noted_signals[0]; i++) sigaddset(&set, noted_signals[i]);
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaddset(&set, fatal_signals[i]);
    sigaddset(&set, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    installed = 1;
    return pipe_ends[0];
}

int tg_next_signal(void) {
    unsigned char byte = 0;
    if (pipe_ends[0] < 0) return 0;
    ssize_t n;
    do { n = read(pipe_ends[0], &byte, 1); } while (n < 0 && errno == EINTR);
    return n == 1 ? byte : 0;
}

int tg_stop_process_group(int fd) {
    struct sigaction plain, before;
    memset(&plain, 0, sizeof plain);
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    sigaction(SIGTSTP, &plain, &before);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &set, &old);
    int foreground = 1;
    for (;;) {
        // The whole group, as the terminal would: a wrapper script stops with the console.
        kill(0, SIGTSTP);
        // Stopped here until SIGCONT. Continued in the background (`bg`, or a `kill` that sends
        // SIGCONT with SIGTERM), the terminal is the shell's: stop again, unless a signal came
        // that ends the program. An orphaned group is not stopped at all: then wait a little
        // rather than spin.
        pid_t owner = tcgetpgrp(fd);
        if (owner < 0 || owner == getpgrp()) break;
        struct pollfd pending = { .fd = pipe_ends[0], .events = POLLIN, .revents = 0 };
        if (pipe_ends[0] >= 0 && poll(&pending, 1, 0) > 0) {
            foreground = 0;
            break;
        }
        usleep(100000);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    sigaction(SIGTSTP, &before, NULL);
    return foreground;
}

void tg_die_by(int signal) {
    struct sigaction plain;
    memset(&plain, 0, sizeof plain);
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    sigaction(signal, &plain, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, signal);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    raise(signal);
    _exit(128 + signal);
}

int tg_terminal_alive(int fd) {
    struct termios modes;
    if (tcgetattr(fd, &modes) == 0) return 1;
    return (errno == EIO || errno == ENXIO || errno == EBADF || errno == ENOTTY) ? 0 : 1;
}
