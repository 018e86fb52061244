#pragma once
// What kind of output we are writing to.
namespace atip::util {

// True when file descriptor `fd` is a terminal.
bool is_terminal(int fd) noexcept;

// The one decision on colour and highlighting: `fd` is a terminal, NO_COLOR is unset or empty
// (https://no-color.org) and TERM is not "dumb".
bool use_color(int fd) noexcept;

// The terminal's width in columns ($COLUMNS, else the tty's size, else 80).
int terminal_width(int fd) noexcept;

}  // namespace atip::util
