// The C side of the terminal backend: what Swift cannot see or may not touch in ncurses.
//
// Swift 6 rejects the ncurses globals (stdscr, LINES, COLS, COLORS, COLOR_PAIRS) and the C library's
// stdin/stdout as shared mutable state, and cannot see macros with arguments (KEY_F, getmaxyx) or
// attribute macros built from NCURSES_BITS. Each gets a small static inline accessor here.
// Only the NcursesTerminal module imports this.
#ifndef HELPDESK_CNCURSES_SHIM_H
#define HELPDESK_CNCURSES_SHIM_H

// SwiftPM drops the flags pkg-config would give: ask for the wide-character API ourselves.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif
#if __has_include(<ncursesw/term.h>)
#include <ncursesw/term.h>
#else
#include <term.h>
#endif

// MARK: Locale

/// setlocale(LC_ALL, name): the locale's name, or NULL when the host lacks it.
static inline const char *hd_setlocale_all(const char *name) { return setlocale(LC_ALL, name); }
/// setlocale(LC_CTYPE, name).
static inline const char *hd_setlocale_ctype(const char *name) { return setlocale(LC_CTYPE, name); }
/// The character set of the current LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *hd_codeset(void) { return nl_langinfo(CODESET); }

// MARK: Screen

/// newterm(type, stdout, stdin); type NULL means $TERM. NULL when the terminal type is unknown.
static inline SCREEN *hd_newterm(const char *type) { return newterm(type, stdout, stdin); }
/// The descriptor ncurses reads keys from (standard input).
static inline int hd_input_fd(void) { return fileno(stdin); }
static inline WINDOW *hd_stdscr(void) { return stdscr; }
static inline int hd_lines(void) { return LINES; }
static inline int hd_cols(void) { return COLS; }
static inline int hd_colors(void) { return COLORS; }
static inline int hd_color_pairs(void) { return COLOR_PAIRS; }
/// getmaxyx(stdscr, *rows, *cols).
static inline void hd_getmaxyx(int *rows, int *cols) {
    int y = 0, x = 0;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

/// The terminal modes the console runs in: keys one at a time, no echo, no CR/LF translation,
/// function keys decoded, reads that never block, 8-bit input, a short Esc delay.
///
/// raw(), not cbreak(): cbreak leaves IXON and ISIG on, so Ctrl-S would freeze the output (XOFF)
/// and Ctrl-Q, Ctrl-C and Ctrl-Z would never reach the console as keys.
static inline void hd_setup_input(void) {
    raw();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    meta(stdscr, TRUE);
    set_escdelay(25);
}

/// curs_set(visibility): 0 hidden, 1 normal. ERR when the terminal cannot.
static inline int hd_curs_set(int visibility) { return curs_set(visibility); }
static inline int hd_move(int y, int x) { return wmove(stdscr, y, x); }
static inline int hd_erase(void) { return werase(stdscr); }
/// leaveok(stdscr, flag): while the cursor is hidden, ncurses need not move it after drawing.
static inline int hd_leaveok(int flag) { return leaveok(stdscr, flag ? TRUE : FALSE); }
/// The next refresh redraws the whole screen (after a resize, or $EDITOR ran).
static inline int hd_clearok(void) { return clearok(curscr, TRUE); }
static inline int hd_update(void) {
    wnoutrefresh(stdscr);
    return doupdate();
}

/// The terminal's size as the kernel knows it now (TIOCGWINSZ on standard output, else input): 0,
/// or -1 when it cannot say. ncurses learns of a resize only from SIGWINCH, which a stopped job in
/// the background never gets.
static inline int hd_terminal_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 && ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0) return -1;
    if (ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}
/// resizeterm(rows, cols): ncurses' windows take the terminal's new size.
static inline int hd_resizeterm(int rows, int cols) { return resizeterm(rows, cols); }
/// A terminfo string capability ("rmcup", "cnorm"), or NULL when the terminal has none.
static inline const char *hd_tigetstr(const char *name) {
    char *value = tigetstr((char *)name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/// What terminfo says of a terminal type, read without opening the terminal: 1 in `known` when
/// terminfo has the type; then 1 in `addressable` when it moves the cursor anywhere (cup), 1 in
/// `alternate` when it has an alternate screen to leave (rmcup), 1 in `clears` when it can clear.
static inline void hd_probe_terminal(const char *type, int *known, int *addressable, int *alternate, int *clears) {
    *known = 0; *addressable = 0; *alternate = 0; *clears = 0;
    TERMINAL *saved = cur_term;
    int status = 0;
    if (setupterm(type, STDOUT_FILENO, &status) != OK || status != 1) { set_curterm(saved); return; }
    TERMINAL *probed = cur_term;
    *known = 1;
    char *cup = tigetstr("cup"), *rmcup = tigetstr("rmcup"), *clear = tigetstr("clear");
    *addressable = cup != NULL && cup != (char *)-1;
    *alternate = rmcup != NULL && rmcup != (char *)-1;
    *clears = clear != NULL && clear != (char *)-1;
    set_curterm(saved);
    del_curterm(probed);
}

static inline int hd_put_character(int c) { return putchar(c); }
/// Sends a terminfo string (padding honoured) to standard output now: after endwin().
static inline void hd_put_capability(const char *value) {
    tputs(value, 1, hd_put_character);
    fflush(stdout);
}

// MARK: Colours and attributes

static inline attr_t hd_a_normal(void) { return A_NORMAL; }
static inline attr_t hd_a_bold(void) { return A_BOLD; }
static inline attr_t hd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hd_a_reverse(void) { return A_REVERSE; }
static inline attr_t hd_a_dim(void) { return A_DIM; }
static inline attr_t hd_a_blink(void) { return A_BLINK; }

// MARK: Drawing

/// wcwidth(ch) under the current LC_CTYPE: the columns ncurses gives a character (-1: not printable).
static inline int hd_wcwidth(int ch) { return wcwidth((wchar_t)ch); }
/// How many wide characters one cell holds: a spacing character and CCHARW_MAX - 1 combining marks.
static inline int hd_ccharw_max(void) { return CCHARW_MAX; }

/// Draws one character cell at (y, x): `wch` is a spacing character followed by up to
/// CCHARW_MAX - 1 combining characters, NUL-terminated. Longer clusters are cut.
static inline int hd_mvadd_wch(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = 0;
    while (n < CCHARW_MAX && wch[n] != 0) {
        text[n] = wch[n];
        n++;
    }
    text[n] = 0;
    if (n == 0) {
        text[0] = L' ';
        text[1] = 0;
    }
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) {
        wchar_t blank[2] = { L' ', 0 };
        if (setcchar(&cell, blank, attrs, pair, NULL) == ERR) return ERR;
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

// MARK: Input

/// Reads one key without blocking: returns -1 when nothing is pending, 0 for a character, 1 for a
/// KEY_ code; `*code` receives the character or the code.
static inline int hd_get_wch(int *code) {
    wint_t ch = 0;
    int r = wget_wch(stdscr, &ch);
    *code = (int)ch;
    if (r == KEY_CODE_YES) return 1;
    if (r == ERR) return -1;
    return 0;
}

static inline int hd_key_up(void) { return KEY_UP; }
static inline int hd_key_down(void) { return KEY_DOWN; }
static inline int hd_key_left(void) { return KEY_LEFT; }
static inline int hd_key_right(void) { return KEY_RIGHT; }
static inline int hd_key_home(void) { return KEY_HOME; }
static inline int hd_key_end(void) { return KEY_END; }
static inline int hd_key_npage(void) { return KEY_NPAGE; }
static inline int hd_key_ppage(void) { return KEY_PPAGE; }
static inline int hd_key_backspace(void) { return KEY_BACKSPACE; }
static inline int hd_key_dc(void) { return KEY_DC; }
static inline int hd_key_enter(void) { return KEY_ENTER; }
static inline int hd_key_btab(void) { return KEY_BTAB; }
static inline int hd_key_resize(void) { return KEY_RESIZE; }
static inline int hd_key_find(void) { return KEY_FIND; }
static inline int hd_key_select(void) { return KEY_SELECT; }
static inline int hd_key_f(int n) { return KEY_F(n); }

#endif
