// atip add URL [--title T] [--date D] [--type T] [--country CC…] [--lang L] [--author A…]
// [--note N] [--format text|json]
#include <memory>

#include "cmd/command.hpp"
#include "lib/app/add.hpp"

namespace atip::cmd {

Runner setup_add(CLI::App& sub) {
  auto o = std::make_shared<app::AddOptions>();
  sub.add_option("url", o->url, "The document's address (an HTML page or a PDF)")->required()->type_name("URL");
  auto optional = [&sub](const char* name, std::optional<std::string>& into, const char* help, const char* type) {
    sub.add_option_function<std::string>(name, [&into](const std::string& v) { into = v; }, help)->type_name(type);
  };
  optional("--title", o->title, "Title (required when the page gives none, e.g. a PDF)", "TEXT");
  optional("--date", o->date, "Publication date, instead of the page's", "DATE");
  optional("--type", o->type, "Document type of the vocabulary (report, law, …)", "TYPE");
  sub.add_option("--country", o->countries, "Country the document is about (ISO code); repeatable, or a list: AR,PE")
      ->type_name("CC")
      ->delimiter(',')
      ->allow_extra_args(false);
  optional("--lang", o->lang, "Language (en, es, pt, fr …), instead of the page's", "LANG");
  sub.add_option("--author", o->authors, "Author, instead of the page's; repeatable")
      ->type_name("NAME")
      ->allow_extra_args(false);
  optional("--note", o->note, "Set the document's note", "TEXT");
  sub.add_option("--format", o->format, "Output: text or json")->type_name("FORMAT")->default_val("text");
  return [o](app::Context& ctx) { return app::add_command(ctx, *o); };
}

}  // namespace atip::cmd
