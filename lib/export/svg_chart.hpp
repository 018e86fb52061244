#pragma once
// Inline SVG bar charts for the HTML digest: no script, no external reference, labels escaped.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace atip::exporter {

using ChartRows = std::vector<std::pair<std::string, std::int64_t>>;  // label, value

// Horizontal bars, one row per label, largest value full width; at most `max_rows` rows, the
// rest summed into a last row labelled `others`. `title` names the chart for screen readers.
std::string bar_chart(const ChartRows& rows, const std::string& title, const std::string& others,
                      std::size_t max_rows = 12);

// Vertical columns in the order given (weeks), a label under every few columns.
std::string column_chart(const ChartRows& columns, const std::string& title);

}  // namespace atip::exporter
