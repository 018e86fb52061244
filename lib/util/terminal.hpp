#pragma once
// What kind of output we are writing to.
namespace atip::util {

// True when file descriptor `fd` is a terminal.
bool is_terminal(int fd) noexcept;

// The terminal's width in columns ($COLUMNS, else the tty's size, else 80).
int terminal_width(int fd) noexcept;

}  // namespace atip::util
