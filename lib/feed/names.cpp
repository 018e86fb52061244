#include "lib/feed/feed.hpp"

namespace atip::feed {

const char* format_name(Format f) noexcept {
  switch (f) {
    case Format::Rss090:
    case Format::Rss091:
    case Format::Rss092:
    case Format::Rss093:
    case Format::Rss094:
      return "rss0.9x";
    case Format::Rss10:
      return "rss1.0";
    case Format::Rss20:
      return "rss2.0";
    case Format::Atom03:
      return "atom0.3";
    case Format::Atom10:
      return "atom1.0";
    case Format::JsonFeed:
      return "json1";
    case Format::Unknown:
      break;
  }
  return "unknown";
}

const char* text_type_name(TextType t) noexcept {
  switch (t) {
    case TextType::Html:
      return "html";
    case TextType::Xhtml:
      return "xhtml";
    case TextType::Text:
      break;
  }
  return "text";
}

}  // namespace atip::feed
