// atip __complete WORD…: the candidates for the last word of a command line, for the bash, zsh
// and fish scripts in completions/. Hidden from --help. The commands and options come from the
// command table itself, so completion never lags behind a new option; feed ids and tags come
// from the catalogue and the vocabulary. One candidate per line, "VALUE\tDESCRIPTION"; the line
// ":files" asks the shell to complete file names instead.
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <set>

#include "cmd/command.hpp"
#include "lib/app/complete.hpp"

namespace atip::cmd {

namespace {

struct Line {
  CLI::App* app = nullptr;               // the deepest command named so far
  const CLI::Option* value_of = nullptr;  // the option the current word is a value of
  std::string db, config;                // --db and --config given on the line
};

const CLI::Option* find_option(CLI::App* app, const std::string& name) {
  // atip's own options may follow the command (fallthrough), so look in the parents too.
  for (CLI::App* a = app; a; a = a->get_parent())
    if (const CLI::Option* o = a->get_option_no_throw(name)) return o;
  return nullptr;
}

bool takes_value(const CLI::Option* o) { return o->get_type_size() != 0; }

CLI::App* subcommand(CLI::App* app, const std::string& name) {
  for (CLI::App* s : app->get_subcommands([](CLI::App*) { return true; }))
    if (s->get_name() == name) return s;
  return nullptr;
}

// Walks the words before the current one.
Line read_line(CLI::App& root, const std::vector<std::string>& words) {
  Line line;
  line.app = &root;
  const std::size_t n = words.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const std::string& w = words[i];
    if (w.size() > 1 && w[0] == '-') {
      std::string name = w, inline_value;
      const auto eq = w.find('=');
      if (eq != std::string::npos) {
        name = w.substr(0, eq);
        inline_value = w.substr(eq + 1);
      }
      const CLI::Option* o = find_option(line.app, name);
      if (!o || !takes_value(o) || eq != std::string::npos) {
        if (o && name == "--db") line.db = inline_value;
        if (o && name == "--config") line.config = inline_value;
        continue;
      }
      // bash splits "--format=json" into "--format" "=" "json".
      std::size_t v = i + 1;
      if (v < n && words[v] == "=") ++v;
      if (v >= n - 1) {
        line.value_of = o;
        return line;
      }
      if (name == "--db") line.db = words[v];
      if (name == "--config") line.config = words[v];
      i = v;
      continue;
    }
    if (CLI::App* s = subcommand(line.app, w)) line.app = s;
  }
  return line;
}

std::vector<std::string> choices(const CLI::Option* o) {
  const std::string type = o->get_type_name();
  const auto open = type.find('{'), close = type.rfind('}');
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::string item;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  out.push_back(item);
  return out;
}

void option_values(app::Context& ctx, const CLI::Option* o, const Line& line) {
  const std::string name = o->get_lnames().empty() ? "" : o->get_lnames().front();
  const std::string type = o->get_type_name();
  if (name == "feed") return app::complete_feeds(ctx, line.db, line.config);
  if (name == "topic" || name == "area" || name == "country" || name == "type")
    return app::complete_tags(ctx, name);
  if (name == "lang")
    for (const char* l : {"en", "es", "pt", "fr"}) fmt::print(ctx.out, "{}\n", l);
  for (const std::string& c : choices(o)) fmt::print(ctx.out, "{}\n", c);
  if (type.find("FILE") != std::string::npos || type.find("PATH") != std::string::npos ||
      type.find("DIR") != std::string::npos)
    fmt::print(ctx.out, ":files\n");
}

void list_options(app::Context& ctx, CLI::App* app) {
  std::set<std::string> seen;  // a command's --help hides atip's
  auto offer = [&](const std::string& name, const CLI::Option* o) {
    if (seen.insert(name).second) fmt::print(ctx.out, "{}\t{}\n", name, o->get_description());
  };
  for (CLI::App* a = app; a; a = a->get_parent()) {
    for (const CLI::Option* o : a->get_options()) {
      if (o->get_positional()) continue;
      for (const std::string& l : o->get_lnames()) offer("--" + l, o);
      for (const std::string& s : o->get_snames()) offer("-" + s, o);
    }
  }
}

void complete(app::Context& ctx, CLI::App& root, const std::vector<std::string>& words) {
  const Line line = read_line(root, words);
  const std::string current = words.empty() ? "" : words.back();
  if (line.value_of) return option_values(ctx, line.value_of, line);
  if (!current.empty() && current[0] == '-') {
    const auto eq = current.find('=');
    if (eq != std::string::npos) {
      if (const CLI::Option* o = find_option(line.app, current.substr(0, eq)); o && takes_value(o))
        option_values(ctx, o, line);
      return;
    }
    return list_options(ctx, line.app);
  }
  bool any = false;
  for (CLI::App* s : line.app->get_subcommands([](CLI::App*) { return true; })) {
    if (s->get_group().empty()) continue;  // hidden, like this command
    fmt::print(ctx.out, "{}\t{}\n", s->get_name(), s->get_description());
    any = true;
  }
  if (any) return;
  // Positional arguments: feeds by id, files by name.
  for (const CLI::Option* o : line.app->get_options()) {
    if (!o->get_positional()) continue;
    const std::string type = o->get_type_name();
    if (type.find("ID|URL") != std::string::npos || o->get_name() == "feed" || o->get_name() == "feeds")
      return app::complete_feeds(ctx, line.db, line.config);
    if (type.find("FILE") != std::string::npos || o->get_name() == "file") {
      fmt::print(ctx.out, ":files\n");
      return;
    }
  }
}

}  // namespace

Runner setup_complete(CLI::App& sub) {
  auto words = std::make_shared<std::vector<std::string>>();
  sub.group("");  // hidden
  // The scripts call `atip __complete -- WORD…`: after "--" options are words too.
  sub.add_option("words", *words, "The words after 'atip', the last being the one to complete");
  CLI::App* root = sub.get_parent();
  return [words, root](app::Context& ctx) {
    std::vector<std::string> all = *words;
    if (all.empty()) all.push_back("");
    complete(ctx, *root, all);
    return 0;
  };
}

}  // namespace atip::cmd
