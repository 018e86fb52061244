#include "lib/catalog/language.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/catalog/word_table.hpp"

namespace atip::catalog {

namespace {

constexpr std::size_t kEn = 0, kEs = 1, kPt = 2, kFr = 3;
constexpr std::size_t kMaxWords = 48;
constexpr std::array<std::string_view, 4> kCodes = {"en", "es", "pt", "fr"};
using Scores = std::array<float, 4>;

// Frequent words of each language, folded. A word listed under several languages is split
// between them, so "de" (es, pt, fr) barely counts while "los", "nao" and "les" decide.
constexpr std::array<std::string_view, 4> kWords = {
    // en
    "the of and to in is for on with by from that at as are was were has have this be it its "
    "an their after who which says said new will into over more than women children people "
    "police human government been not or they he she his her we our out up about two three "
    "over under against between during while year years trafficking forced labour labor "
    "report court victims workers rescued arrested charged faces warns launches calls week "
    "record reported draws first last one all can would could should may what how why "
    "authorities rescue rescues migrants arrest arrests sentenced convicts",
    // es
    "el la los las de del y en que por con para una un se es al su sus lo como mas pero fue "
    "son este esta entre sobre tras contra personas ninas ninos mujeres victimas gobierno "
    "trata ley hasta desde donde tambien cuando muy ha han hay dos tres nacional autoridades "
    "policia ciudad informe segun durante presunto fueron migrantes trabajo red rescatan "
    "detienen condenan presenta lanza anos menores explotacion laboral sexual delito "
    "tráfico trafico fiscalia estado nueva nuevo ante otras otros ese esa mediante",
    // pt
    "o os a as do da dos das de e em no na nos nas um uma que para com por ao aos nao sao foi "
    "pelo pela pelos pelas ser mais sobre entre seu sua tambem pessoas criancas mulheres "
    "vitimas trabalho governo apos ate ano anos esta diz onde como policia federal estado "
    "cidade operacao ministerio trafico resgatados resgata escravo brasil exploracao lei "
    "contra relatorio sexual durante foram ja nova novo outras outros isso essa tem sem "
    "adolescentes escravidao denuncia acao acoes prefeitura",
    // fr
    "le la les des du de et en un une dans pour sur par au aux est sont qui que a ont ete "
    "avec ce cette ces il elle ils pas ne plus leur leurs selon apres contre entre personnes "
    "enfants femmes victimes traite travail gouvernement l d qu s n etait sous chez egalement "
    "aussi lors depuis rapport trafic lutte nouvelle nouveau exploitation sexuelle police "
    "etats unis humains etres ou mais sans annonce publie"};

struct Table {
  WordTable index;             // folded word -> index into scores
  std::vector<Scores> scores;

  Table() {
    std::unordered_map<std::string, std::array<bool, 4>> seen;
    for (std::size_t lang = 0; lang < 4; ++lang) {
      std::string_view list = kWords[lang];
      while (!list.empty()) {
        const auto sp = list.find(' ');
        const std::string_view w = list.substr(0, sp);
        if (!w.empty()) seen[std::string(w)][lang] = true;
        list = sp == std::string_view::npos ? std::string_view() : list.substr(sp + 1);
      }
    }
    for (const auto& [w, in] : seen) {
      const float n = static_cast<float>(in[0] + in[1] + in[2] + in[3]);
      Scores s{};
      for (std::size_t lang = 0; lang < 4; ++lang) s[lang] = in[lang] ? 1.0f / n : 0.0f;
      index.insert(w, static_cast<std::uint32_t>(scores.size()));
      scores.push_back(s);
    }
  }
};

// Compared from the last letter, where nearly every word differs from the suffix: this runs
// some twenty times for each of the first words of every document.
template <std::size_t N>
bool ends_with(std::string_view w, const char (&suffix)[N]) {
  constexpr std::size_t n = N - 1;
  if (w.size() <= n + 1) return false;
  for (std::size_t k = 1; k <= n; ++k)
    if (w[w.size() - k] != suffix[n - k]) return false;
  return true;
}

// "nh" or "lh" anywhere in the word.
bool has_nh_or_lh(std::string_view w) {
  for (std::size_t i = 1; i < w.size(); ++i)
    if (w[i] == 'h' && (w[i - 1] == 'n' || w[i - 1] == 'l')) return true;
  return false;
}

// Endings that survive accent folding: "-cao/-coes" (pt -ção/-ções), "-cion" (es -ción),
// "-ing" (en), "-eux" (fr).
void score_endings(std::string_view w, Scores& s) {
  if (ends_with(w, "cao") || ends_with(w, "coes") || ends_with(w, "oes")) s[kPt] += 1.0f;
  else if (ends_with(w, "cion") || ends_with(w, "ciones")) s[kEs] += 1.0f;
  else if (ends_with(w, "tion") || ends_with(w, "tions")) { s[kEn] += 0.4f; s[kFr] += 0.4f; }
  if (ends_with(w, "dade") || ends_with(w, "dades")) s[kPt] += 0.5f;
  else if (ends_with(w, "dad")) s[kEs] += 0.8f;
  if (ends_with(w, "ing") || ends_with(w, "ness") || ends_with(w, "ship")) s[kEn] += 0.8f;
  if (ends_with(w, "eux") || ends_with(w, "euse") || ends_with(w, "aux")) s[kFr] += 0.8f;
  if (has_nh_or_lh(w)) s[kPt] += 0.5f;
}

// Letters that folding removes but that tell the languages apart. A text without a single
// accented letter leans English: Spanish, Portuguese and French titles rarely lack one.
void score_letters(std::string_view raw, Scores& s) {
  bool ascii = true;
  for (char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) s[kEn] += 0.5f;
  for (std::size_t i = 0; i + 1 < raw.size(); ++i) {
    const auto lead = static_cast<unsigned char>(raw[i]);
    const auto c = static_cast<unsigned char>(raw[i + 1]);
    if (lead == 0xC2 && (c == 0xBF || c == 0xA1)) s[kEs] += 2.0f;  // ¿ ¡
    if (lead == 0xC5 && (c == 0x93 || c == 0x92)) s[kFr] += 1.5f;  // œ
    if (lead != 0xC3) continue;
    switch (c | 0x20) {  // the upper-case letters are 0x20 below the lower-case ones
      case 0xB1: s[kEs] += 1.5f; break;                          // ñ
      case 0xA3: case 0xB5: s[kPt] += 1.5f; break;               // ã õ
      case 0xA7: s[kPt] += 0.6f; s[kFr] += 0.6f; break;          // ç
      case 0xA8: case 0xAB: case 0xAE: case 0xAF: case 0xB9: case 0xBB:
        s[kFr] += 1.0f; break;                                   // è ë î ï ù û
      case 0xAA: case 0xA0: case 0xA2: case 0xB4:
        s[kPt] += 0.4f; s[kFr] += 0.4f; break;                   // ê à â ô
      default: break;
    }
  }
}

std::string_view normalise_hint(std::string_view hint) {
  if (hint.size() < 2) return {};
  const char a = static_cast<char>(hint[0] | 0x20), b = static_cast<char>(hint[1] | 0x20);
  if (hint.size() > 2 && hint[2] != '-' && hint[2] != '_') return {};
  for (auto code : kCodes)
    if (code[0] == a && code[1] == b) return code;
  return {};
}

}  // namespace

std::string_view identify_language(const TokenizedText& text, std::string_view hint) {
  static const Table table;
  const std::string_view prior = normalise_hint(hint);
  if (text.tokens.empty()) return prior.empty() ? std::string_view("other") : prior;
  Scores s{};
  // The first words decide; reading a whole long summary would only cost time.
  const std::size_t words = std::min(text.tokens.size(), kMaxWords);
  for (std::size_t i = 0; i < words; ++i) {
    const auto w = text.word(i);
    if (const std::uint32_t at = table.index.find(w); at != WordTable::kAbsent)
      for (std::size_t lang = 0; lang < 4; ++lang) s[lang] += table.scores[at][lang];
    score_endings(w, s);
  }
  score_letters(std::string_view(text.raw).substr(0, text.tokens[words - 1].raw_end), s);
  std::size_t best = 0, second = 1;
  if (s[1] > s[0]) std::swap(best, second);
  for (std::size_t lang = 2; lang < 4; ++lang) {
    if (s[lang] > s[best]) { second = best; best = lang; }
    else if (s[lang] > s[second]) second = lang;
  }
  const bool says_little = s[best] < 1.5f || s[best] - s[second] < 0.5f;
  if (says_little && !prior.empty() && (s[best] < 1.5f || prior == kCodes[second]))
    return prior;
  if (s[best] <= 0.0f) return "other";
  // Many words and few of them ours: another language (Dutch from Suriname, Kreyòl, …).
  if (words >= 8 && s[best] < 0.12f * static_cast<float>(words))
    return "other";
  return kCodes[best];
}

std::string_view identify_language(std::string_view text, std::string_view hint) {
  TokenizedText t;
  tokenize(text, t);
  return identify_language(t, hint);
}

}  // namespace atip::catalog
