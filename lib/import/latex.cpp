#include "lib/import/latex.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "lib/text/html.hpp"
#include "lib/text/utf8.hpp"

namespace atip::importer {

namespace {

// Per accent command: the base letters it composes with and the precomposed results, in
// pairs ("aáeé…"); anything else gets the combining mark.
struct Accent {
  char command;
  std::uint32_t combining;
  std::string_view pairs;
};
constexpr std::array<Accent, 14> kAccents = {{
    {'\'', 0x301, "aáeéiíoóuúyýAÁEÉIÍOÓUÚYÝcćCĆnńNŃsśSŚzźZŹlĺLĹrŕRŔgǵ"},
    {'`', 0x300, "aàeèiìoòuùAÀEÈIÌOÒUÙ"},
    {'^', 0x302, "aâeêiîoôuûAÂEÊIÎOÔUÛcĉgĝhĥjĵsŝwŵyŷ"},
    {'"', 0x308, "aäeëiïoöuüyÿAÄEËIÏOÖUÜYŸ"},
    {'~', 0x303, "aãnñoõiĩuũAÃNÑOÕ"},
    {'c', 0x327, "cçCÇsşSŞtţTŢ"},
    {'v', 0x30C, "cčCČsšSŠzžZŽrřRŘeěEĚnňNŇdďDĎtťTŤ"},
    {'=', 0x304, "aāeēiīoōuūAĀEĒIĪOŌUŪ"},
    {'u', 0x306, "aăgğuŭAĂGĞ"},
    {'.', 0x307, "zżZŻeėEĖcċgġIİ"},
    {'H', 0x30B, "oőuűOŐUŰ"},
    {'k', 0x328, "aąeęAĄEĘ"},
    {'r', 0x30A, "aåuůAÅUŮ"},
    {'d', 0x323, ""},
}};

// Letter commands and the symbols atip's BibTeX export and common .bib files use.
constexpr std::array<std::pair<std::string_view, std::string_view>, 44> kSymbols = {{
    {"ss", "ß"}, {"o", "ø"}, {"O", "Ø"}, {"ae", "æ"}, {"AE", "Æ"}, {"oe", "œ"}, {"OE", "Œ"},
    {"aa", "å"}, {"AA", "Å"}, {"l", "ł"}, {"L", "Ł"}, {"i", "ı"}, {"j", "ȷ"},
    {"textbackslash", "\\"}, {"textbraceleft", "{"}, {"textbraceright", "}"},
    {"textasciicircum", "^"}, {"textasciitilde", "~"}, {"textendash", "–"}, {"textemdash", "—"},
    {"textquotedblleft", "“"}, {"textquotedblright", "”"}, {"textquoteleft", "‘"},
    {"textquoteright", "’"}, {"guillemotleft", "«"}, {"guillemotright", "»"}, {"S", "§"},
    {"P", "¶"}, {"copyright", "©"}, {"textregistered", "®"}, {"texttrademark", "™"},
    {"ldots", "…"}, {"dots", "…"}, {"textellipsis", "…"}, {"euro", "€"}, {"texteuro", "€"},
    {"pounds", "£"}, {"textdegree", "°"}, {"textordfeminine", "ª"}, {"textordmasculine", "º"},
    {"textexclamdown", "¡"}, {"textquestiondown", "¿"}, {"textunderscore", "_"}, {"textbar", "|"},
}};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}

  std::string run() {
    while (i_ < in_.size()) step();
    return out_;
  }

 private:
  void step() {
    const char c = in_[i_];
    switch (c) {
      case '\\': command(); return;
      case '{': case '}': case '$': ++i_; return;
      case '~': out_ += ' '; ++i_; return;
      case '-':
        if (in_.substr(i_, 3) == "---") { out_ += "—"; i_ += 3; return; }
        if (in_.substr(i_, 2) == "--") { out_ += "–"; i_ += 2; return; }
        break;
      case '`':
        if (in_.substr(i_, 2) == "``") { out_ += "“"; i_ += 2; return; }
        break;
      case '\'':
        if (in_.substr(i_, 2) == "''") { out_ += "”"; i_ += 2; return; }
        break;
      default: break;
    }
    out_ += c;
    ++i_;
  }

  void command() {
    ++i_;  // the backslash
    if (i_ >= in_.size()) return;
    const char c = in_[i_];
    if (!is_letter(c)) {
      ++i_;
      for (const Accent& a : kAccents)
        if (a.command == c) return accent(a);
      if (c == '\\') out_ += ' ';          // a line break
      else if (c != '-' && c != '/') out_ += c;  // \& \% \_ \# \$ \{ \} \, (\- is a hyphenation hint)
      if (c == ',' || c == ' ') out_.back() = ' ';
      return;
    }
    std::size_t end = i_;
    while (end < in_.size() && is_letter(in_[end])) ++end;
    const std::string_view name = in_.substr(i_, end - i_);
    i_ = end;
    if (name.size() == 1)
      for (const Accent& a : kAccents)
        if (a.command == name[0] && is_letter(a.command)) return accent(a);
    for (const auto& [n, text] : kSymbols)
      if (n == name) {
        out_ += text;
        skip_empty_group();
        return;
      }
    // Formatting and unknown commands: the name goes, a following {group} stays as text.
    // \href{url}{text} keeps the text only.
    if (name == "href") skip_group();
    skip_spaces_after_word();
  }

  // The letter an accent applies to: "{e}", "e", "{\i}", "\i", " e".
  void accent(const Accent& a) {
    while (i_ < in_.size() && in_[i_] == ' ') ++i_;
    bool braced = false;
    if (i_ < in_.size() && in_[i_] == '{') {
      braced = true;
      ++i_;
    }
    std::string base;
    if (in_.substr(i_, 2) == "\\i" || in_.substr(i_, 2) == "\\j") {
      base = in_[i_ + 1];
      i_ += 2;
    } else if (i_ < in_.size()) {
      std::size_t at = i_;
      text::next_code_point(in_, at);
      base = std::string(in_.substr(i_, at - i_));
      i_ = at;
    }
    if (braced && i_ < in_.size() && in_[i_] == '}') ++i_;
    if (base.size() == 1) {
      std::size_t at = 0;
      while (at < a.pairs.size()) {
        const char letter = a.pairs[at++];
        if (at >= a.pairs.size()) break;
        const std::size_t start = at;
        text::next_code_point(a.pairs, at);
        if (letter == base[0]) {
          out_ += a.pairs.substr(start, at - start);
          return;
        }
      }
    }
    out_ += base;
    if (!base.empty()) text::append_utf8(out_, a.combining);
  }

  void skip_empty_group() {
    if (in_.substr(i_, 2) == "{}") i_ += 2;
    else skip_spaces_after_word();
  }

  // TeX swallows the spaces after a control word.
  void skip_spaces_after_word() {
    while (i_ < in_.size() && (in_[i_] == ' ' || in_[i_] == '\t')) ++i_;
  }

  void skip_group() {
    if (i_ >= in_.size() || in_[i_] != '{') return;
    int depth = 0;
    do {
      if (in_[i_] == '{') ++depth;
      else if (in_[i_] == '}') --depth;
      ++i_;
    } while (i_ < in_.size() && depth > 0);
  }

  std::string_view in_;
  std::size_t i_ = 0;
  std::string out_;
};

}  // namespace

std::string latex_to_text(std::string_view latex) {
  const std::string valid = text::sanitize_utf8(latex);
  return text::collapse_whitespace(Decoder(valid).run());
}

}  // namespace atip::importer
