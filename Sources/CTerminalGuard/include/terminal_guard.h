// Signal handling for a full-screen terminal program, in C because a signal handler may only call
// async-signal-safe functions: no allocation, no locks, no Swift runtime.
//
// - Termination (SIGTERM, SIGINT, SIGHUP, SIGQUIT) and stop requests (SIGTSTP) are only noted: the
//   handler writes the signal's number to a pipe, and the run loop, which polls the pipe's read end,
//   ends or suspends between two pieces of work. A write in progress is never cut short.
// - Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) cannot wait for the loop: the
//   handler puts the terminal back at once (the shell's modes saved at start, and the bytes that
//   leave full-screen mode), then hands the signal to the handler that was there before (the Swift
//   runtime's backtracer), or lets it kill the process.
#ifndef HELPDESK_TERMINAL_GUARD_H
#define HELPDESK_TERMINAL_GUARD_H

#include <stddef.h>

/// Saves the terminal modes of `fd` as they are now (the shell's), for `tg_restore_terminal`.
/// Returns 0, or -1 when `fd` is not a terminal.
int tg_save_modes(int fd);

/// The bytes written to `fd` to leave full-screen mode (leave the alternate screen, show the
/// cursor, plain attributes). At most 255 bytes are kept.
void tg_set_leave_sequence(int fd, const char *bytes, size_t length);

/// Writes the leave sequence and puts the saved modes back. Async-signal-safe.
void tg_restore_terminal(void);

/// Installs the handlers (once). Returns the descriptor to poll: it becomes readable when a
/// termination or stop signal arrived; -1 when the pipe could not be made.
int tg_install(void);

/// The next signal noted since the last call, or 0 when there is none. Never blocks.
int tg_next_signal(void);

/// Stops the process group as the terminal's Ctrl-Z would (SIGTSTP with its default action) and
/// returns once it is continued in the foreground of terminal `fd` (`fg`): 1. Continued in the
/// background it stops again, unless a termination signal is waiting: then it returns 0 and the
/// terminal is not the program's to take. The caller gives the terminal back first.
int tg_stop_process_group(int fd);

/// Ends the process by `signal` with its default action (after cleaning up), so that the parent
/// sees how it ended: a shell reports 128 + the signal's number.
void tg_die_by(int signal);

/// Whether `fd` is still a terminal that can be used: 0 once it hung up (the other side closed:
/// an SSH connection dropped, the window closed), 1 otherwise.
int tg_terminal_alive(int fd);

#endif
