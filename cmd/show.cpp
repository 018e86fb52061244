// atip show ID
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/documents.hpp"

namespace atip::cmd {

Runner setup_show(CLI::App& sub) {
  auto id = std::make_shared<std::int64_t>(0);
  auto format = std::make_shared<std::string>("text");
  sub.add_option("id", *id, "Document id (as printed by search)")->required()->check(whole_number(1, "POSITIVE", "a document id (a whole number from 1, as search prints it)"));
  sub.add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}))->default_val("text");
  return [id, format](app::Context& ctx) {
    if (*format == "json")
      app::show_json(ctx, *id);
    else
      app::show(ctx, *id);
    return 0;
  };
}

}  // namespace atip::cmd
