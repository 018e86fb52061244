#include "lib/export/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "lib/export/html_escape.hpp"
#include "lib/text/utf8.hpp"

namespace atip::exporter {

namespace {

constexpr int kWidth = 640;

std::int64_t max_value(const ChartRows& rows) {
  std::int64_t m = 1;
  for (const auto& r : rows) m = std::max(m, r.second);
  return m;
}

}  // namespace

std::string bar_chart(const ChartRows& all_rows, const std::string& title, const std::string& others,
                      std::size_t max_rows) {
  ChartRows rows(all_rows.begin(), all_rows.begin() + static_cast<std::ptrdiff_t>(std::min(max_rows, all_rows.size())));
  if (all_rows.size() > max_rows) {
    std::int64_t rest = 0;
    for (std::size_t i = max_rows; i < all_rows.size(); ++i) rest += all_rows[i].second;
    rows.emplace_back(others, rest);
  }
  constexpr int kRow = 24, kLabel = 220, kBarMax = kWidth - kLabel - 60;
  const int height = static_cast<int>(rows.size()) * kRow + 8;
  const std::int64_t top = max_value(rows);
  std::string svg = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\"><title>{}</title>\n",
      kWidth, height, xml_escape(title), xml_escape(title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int y = 4 + static_cast<int>(i) * kRow;
    const auto w = static_cast<int>(rows[i].second * kBarMax / top);
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" "
        "height=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
        kLabel - 8, y + 16, xml_escape(text::truncate_chars(rows[i].first, 30)), kLabel, y + 3,
        std::max(w, 1), kRow - 6, kLabel + std::max(w, 1) + 6, y + 16, rows[i].second);
  }
  return svg + "</svg>\n";
}

std::string column_chart(const ChartRows& columns, const std::string& title) {
  constexpr int kHeight = 200, kBase = 160, kLeft = 30;
  const std::int64_t top = max_value(columns);
  const double step = columns.empty() ? 0 : static_cast<double>(kWidth - kLeft - 10) / static_cast<double>(columns.size());
  std::string svg = fmt::format(
      "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "aria-label=\"{}\"><title>{}</title>\n<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n"
      "<text x=\"{}\" y=\"16\" text-anchor=\"end\">{}</text>\n",
      kWidth, kHeight, xml_escape(title), xml_escape(title), kLeft, kBase, kWidth - 10, kBase, kLeft - 4, top);
  // About eight labels whatever the number of weeks, so they never overlap.
  const std::size_t every = std::max<std::size_t>(1, (columns.size() + 7) / 8);
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const double x = kLeft + static_cast<double>(i) * step;
    const auto h = static_cast<int>(columns[i].second * (kBase - 24) / top);
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{}: {}</title></rect>\n",
                       x + step * 0.1, kBase - h, step * 0.8, h, xml_escape(columns[i].first), columns[i].second);
    if (i % every == 0)
      svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x + step / 2, kBase + 18,
                         xml_escape(columns[i].first.size() >= 10 ? columns[i].first.substr(5) : columns[i].first));
  }
  return svg + "</svg>\n";
}

}  // namespace atip::exporter
