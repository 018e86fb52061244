#pragma once
// LaTeX as found in BibTeX fields, to plain UTF-8 text.
#include <string>
#include <string_view>

namespace atip::importer {

// Accents ({\'e}, \'{e}, \~n, \c{c}, \"{\i}), letters (\ss, \o, \ae, \l), escapes (\& \% \_ \#
// \$ \{ \}), the commands atip's own export writes (\textbackslash{}, \textbraceleft{},
// \textasciitilde{} …), dashes (-- ---), quotes (`` ''), ~ as a space; formatting commands
// (\emph{x}, \textbf{x}, \url{x}) keep their text, unknown commands are dropped, braces and
// $ removed, whitespace collapsed. Never fails; invalid UTF-8 comes out as U+FFFD.
std::string latex_to_text(std::string_view latex);

}  // namespace atip::importer
