// scripts/bench ingest: builds a catalogue of N generated entries through the real ingest path
// (feed::assign_identity, app::to_records: canonical URL, DOI, title keys, tagging; then
// Catalogue::ingest with the identity decision and FTS), and writes the same entries as sfeed
// TSV files and as a newsboat-shaped cache for the peers of `scripts/bench search`.
//
// Usage: atip-bench-ingest CATALOGUE ENTRIES VOCABULARY_DIR OUT_DIR [FEEDS_PER_TRANSACTION]
// Prints one line of "key=value" figures: records_s and ingest_s are each stage's own wall time,
// pipeline_s the wall time of both overlapped as `atip fetch` runs them (records on a parse
// worker, storing on the store thread), *_cpu the CPU time of the thread running the stage.
// Generation and the peers' files are not counted.
//
// The text is built from the watch vocabulary (topic terms and country names in English,
// Spanish, Portuguese and French) and per-language filler words, so the tagger, the title keys
// and FTS see text shaped like real press releases and reports. One entry in ten is a
// syndicated copy of a recent one under another feed: half with tracking parameters on the
// same link (identity rule 2), half under the syndicator's own link with a publisher suffix on
// the title (rule 4).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <functional>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "lib/app/entries.hpp"
#include "lib/app/vocabulary.hpp"
#include "lib/feed/feed.hpp"
#include "lib/feed/identity.hpp"
#include "lib/store/catalogue.hpp"

namespace {

using namespace atip;

const std::vector<std::string> kLangs = {"en", "es", "pt", "fr"};

// Common words of each language: the filler between the vocabulary's terms.
const std::map<std::string, std::vector<std::string>> kFiller = {
    {"en", {"the", "government", "said", "new", "report", "year", "people", "according", "officials",
            "community", "support", "national", "program", "local", "women", "children", "workers",
            "border", "police", "court", "agency", "regional", "data", "cases", "since", "during",
            "network", "survey", "response", "training", "shelter", "services", "law", "policy",
            "investigation", "ministry", "families", "rights", "labour", "conditions", "week",
            "announced", "released", "findings", "increase", "several", "across", "region"}},
    {"es", {"el", "gobierno", "informó", "nuevo", "informe", "año", "personas", "según",
            "autoridades", "comunidad", "apoyo", "nacional", "programa", "local", "mujeres",
            "niños", "trabajadores", "frontera", "policía", "tribunal", "agencia", "regional",
            "datos", "casos", "desde", "durante", "encuesta", "respuesta", "capacitación",
            "albergue", "servicios", "ley", "política", "investigación", "ministerio", "familias",
            "derechos", "condiciones", "semana", "anunció", "publicó", "hallazgos", "aumento",
            "varios", "región", "además", "también", "país"}},
    {"pt", {"o", "governo", "informou", "novo", "relatório", "ano", "pessoas", "segundo",
            "autoridades", "comunidade", "apoio", "nacional", "programa", "local", "mulheres",
            "crianças", "trabalhadores", "fronteira", "polícia", "tribunal", "agência", "regional",
            "dados", "casos", "desde", "durante", "pesquisa", "resposta", "capacitação", "abrigo",
            "serviços", "lei", "política", "investigação", "ministério", "famílias", "direitos",
            "condições", "semana", "anunciou", "publicou", "resultados", "aumento", "vários",
            "região", "além", "também", "país"}},
    {"fr", {"le", "gouvernement", "a", "annoncé", "nouveau", "rapport", "année", "personnes",
            "selon", "autorités", "communauté", "soutien", "national", "programme", "local",
            "femmes", "enfants", "travailleurs", "frontière", "police", "tribunal", "agence",
            "régional", "données", "cas", "depuis", "pendant", "enquête", "réponse", "formation",
            "refuge", "services", "loi", "politique", "ministère", "familles", "droits",
            "conditions", "semaine", "publié", "résultats", "hausse", "plusieurs", "région",
            "aussi", "également", "pays"}},
};

// Title shapes per language: {t} a topic term, {c} a country name, {n} a number, {w} filler.
const std::map<std::string, std::vector<std::string>> kTitles = {
    {"en", {"{c}: authorities rescue {n} victims of {t} in {w} {w} operation",
            "Report on {t} in {c} finds {w} {w} gaps",
            "{c} launches national plan against {t} with {w} {w}",
            "Court in {c} convicts {n} for {t} after {w} investigation",
            "New study on {t}: {w} {w} and {w} in {c}",
            "{n} arrested in {c} {t} ring linked to {w} {w}"}},
    {"es", {"Rescatan a {n} víctimas de {t} en {c} tras {w} {w}",
            "Informe sobre {t} en {c} revela {w} {w}",
            "{c} lanza plan nacional contra la {t} con {w} {w}",
            "Condenan a {n} personas por {t} en {c}: {w} {w}",
            "Estudio sobre {t} en {c}: {w}, {w} y {w}",
            "Detienen a {n} integrantes de red de {t} en {c} por {w} {w}"}},
    {"pt", {"Resgatadas {n} vítimas de {t} em {c} após {w} {w}",
            "Relatório sobre {t} no {c} aponta {w} {w}",
            "{c} lança plano nacional contra {t} com {w} {w}",
            "Justiça condena {n} por {t} em {c}: {w} {w}",
            "Estudo sobre {t} em {c}: {w}, {w} e {w}",
            "Operação prende {n} suspeitos de {t} em {c} com {w} {w}"}},
    {"fr", {"{c} : {n} victimes de {t} secourues lors d'une {w} {w}",
            "Rapport sur la {t} en {c} : {w} {w}",
            "{c} lance un plan national contre la {t} avec {w} {w}",
            "{n} condamnations pour {t} en {c} après {w} {w}",
            "Étude sur la {t} en {c} : {w}, {w} et {w}",
            "{n} arrestations en {c} dans un réseau de {t} lié à {w} {w}"}},
};

const std::vector<std::string> kSuffixes = {" - El País", " | ReliefWeb", " - UN News", " – Folha",
                                            " - Le Monde", " | InSight Crime"};

struct Terms {
  std::map<std::string, std::vector<std::string>> topics, countries;  // by language
};

// Topic terms and country names from the vocabulary's TSV files, by language ("*" to all).
Terms read_terms(const std::string& dir) {
  Terms terms;
  for (const char* file : {"topics.tsv", "countries.tsv"}) {
    std::ifstream in(dir + "/" + file);
    if (!in) throw std::runtime_error("cannot read " + dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> cols;
      std::stringstream ss(line);
      for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
      if (cols.size() < 4 || cols.size() > 5) continue;  // rules (demonyms, needs) skipped
      auto& target = cols[0] == "topic" ? terms.topics : cols[0] == "country" ? terms.countries
                                                                               : terms.topics;
      if (cols[0] != "topic" && cols[0] != "country") continue;
      if (cols.size() == 5 && cols[4].find("need=") != std::string::npos) continue;
      for (const std::string& lang : kLangs)
        if (cols[2] == lang || cols[2] == "*") target[lang].push_back(cols[3]);
    }
  }
  return terms;
}

class Generator {
 public:
  Generator(Terms terms, int feeds) : terms_(std::move(terms)), feeds_(feeds) {}

  // The next batch of one feed: `n` entries, about one in ten a syndicated copy of an entry
  // another feed carried recently.
  feed::Feed next_feed(int feed_index, int n) {
    feed::Feed f;
    f.format = feed::Format::Rss20;
    f.title = "Publisher " + std::to_string(feed_index);
    f.link = "https://pub" + std::to_string(feed_index) + ".example.org/";
    f.language = kLangs[static_cast<std::size_t>(feed_index) % kLangs.size()];
    for (int i = 0; i < n; ++i) {
      feed::Entry e;
      if (recent_.size() > 100 && pick(10) == 0) {
        e = syndicated(recent_[pick(static_cast<int>(recent_.size()))]);
        ++copies_;
      } else {
        e = original(feed_index, f.language);
        recent_.push_back(e);
        if (recent_.size() > 2000) recent_.pop_front();
      }
      f.entries.push_back(std::move(e));
    }
    feed::assign_identity(f);
    return f;
  }

  long copies() const { return copies_; }

 private:
  std::size_t pick(int n) { return static_cast<std::size_t>(rng_() % static_cast<unsigned>(n)); }
  const std::string& any(const std::vector<std::string>& v) { return v[pick(static_cast<int>(v.size()))]; }

  std::string fill(std::string shape, const std::string& lang, const std::string& topic,
                   const std::string& country) {
    const auto replace_all = [&](const std::string& key, const std::function<std::string()>& with) {
      for (std::size_t at; (at = shape.find(key)) != std::string::npos;) shape.replace(at, key.size(), with());
    };
    replace_all("{t}", [&] { return topic; });
    replace_all("{c}", [&] { return country; });
    replace_all("{n}", [&] { return std::to_string(2 + pick(300)); });
    replace_all("{w}", [&] { return any(kFiller.at(lang)); });
    return shape;
  }

  std::string words(const std::string& lang, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + any(kFiller.at(lang));
    return out;
  }

  feed::Entry original(int feed_index, const std::string& lang) {
    feed::Entry e;
    const std::string& topic = any(terms_.topics.at(lang));
    const std::string& country = any(terms_.countries.at(lang));
    e.title = fill(any(kTitles.at(lang)), lang, topic, country);
    const long serial = ++serial_;
    e.link = "https://pub" + std::to_string(feed_index) + ".example.org/" + lang + "/news/" +
             std::to_string(2021 + serial / 250000) + "/item-" + std::to_string(serial);
    e.id = e.link;
    // Five years of entries, in order: about one every 160 seconds.
    clock_ = 1609459200 + serial * 157;
    e.published.time = clock_;
    e.published.raw = "x";
    e.summary = "<p>" + fill(any(kTitles.at(lang)), lang, any(terms_.topics.at(lang)), country) +
                ". " + words(lang, 25 + static_cast<int>(pick(30))) + ".</p><p>" +
                words(lang, 10 + static_cast<int>(pick(20))) + " " + topic + " " +
                words(lang, 5 + static_cast<int>(pick(10))) + ".</p>";
    e.summary_type = feed::TextType::Html;
    e.authors.push_back({"Press Office " + std::to_string(feed_index % 97), "", ""});
    e.language = lang;
    return e;
  }

  feed::Entry syndicated(const feed::Entry& source) {
    feed::Entry e = source;
    if (pick(2) == 0) {
      e.link += "?utm_source=rss&utm_medium=feed&utm_campaign=" + std::to_string(pick(1000));
    } else {
      e.link = "https://aggregator" + std::to_string(pick(20)) + ".example.net/story/" +
               std::to_string(++serial_) + "x";
      e.title += any(kSuffixes);
    }
    e.id = e.link;
    e.published.time = *source.published.time + static_cast<long>(pick(86400));
    return e;
  }

  Terms terms_;
  int feeds_;
  std::mt19937_64 rng_{20261127};
  std::deque<feed::Entry> recent_;
  long serial_ = 0, copies_ = 0;
  long clock_ = 0;
};

// sfeed's TSV: \t, \n and \\ escaped in the content field; one file per feed.
std::string sfeed_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

constexpr const char* kNewsboatSchema =
    "CREATE TABLE rss_feed (rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, url VARCHAR(1024) NOT NULL, "
    "title VARCHAR(1024) NOT NULL, lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) "
    "NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT '');"
    "CREATE TABLE rss_item (id INTEGER PRIMARY KEY AUTOINCREMENT, guid VARCHAR(64) NOT NULL, "
    "title VARCHAR(1024) NOT NULL, author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL, "
    "feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL, content VARCHAR(65535) NOT NULL, "
    "unread INTEGER(1) NOT NULL, enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), "
    "enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL "
    "DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT '', content_mime_type VARCHAR(255) NOT NULL "
    "DEFAULT '');"
    "CREATE INDEX idx_rssurl ON rss_feed(rssurl); CREATE INDEX idx_guid ON rss_item(guid);"
    "CREATE INDEX idx_feedurl ON rss_item(feedurl); CREATE INDEX idx_lastmodified ON "
    "rss_feed(lastmodified); CREATE INDEX idx_deleted ON rss_item(deleted);";

// Wall and CPU seconds of a measured part, the CPU time of the thread that runs it: on a shared
// machine the CPU time is the steadier.
struct Stopwatch {
  double wall = 0, cpu = 0;
  std::chrono::steady_clock::time_point start_wall;
  double start_cpu = 0;
  static double cpu_now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  void start() {
    start_wall = std::chrono::steady_clock::now();
    start_cpu = cpu_now();
  }
  void stop() {
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_wall).count();
    cpu += cpu_now() - start_cpu;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: atip-bench-ingest CATALOGUE ENTRIES VOCABULARY_DIR OUT_DIR [FEEDS_PER_TX]\n";
    return 2;
  }
  const std::string db_path = argv[1], out_dir = argv[4];
  const long total = std::stol(argv[2]);
  const int per_tx = argc > 5 ? std::stoi(argv[5]) : 1;
  constexpr int kFeeds = 500, kPerFeed = 50;

  Generator gen(read_terms(argv[3]), kFeeds);
  store::Catalogue cat(db_path, store::OpenMode::ReadWrite);
  std::vector<std::int64_t> feed_ids;
  for (int i = 0; i < kFeeds; ++i) {
    const std::string url = "https://pub" + std::to_string(i) + ".example.org/feed";
    const auto id = cat.add_feed({url, "Publisher " + std::to_string(i), "", {}}, 1609459200);
    feed_ids.push_back(id ? *id : cat.find_feed(url)->id);
  }
  const catalog::Vocabulary& vocabulary = app::vocabulary().vocabulary;
  const store::SameWork same_work = app::same_work_decision();

  SQLite::Database newsboat(out_dir + "/newsboat-cache.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  newsboat.exec(kNewsboatSchema);
  // newsboat commits each feed with the default synchronous=FULL; without the fsyncs the peer
  // measures the store alone, as atip's figure does (atip's WAL syncs only at checkpoints).
  newsboat.exec("PRAGMA synchronous = OFF");
  SQLite::Statement nb_insert(newsboat, "INSERT INTO rss_item(guid, title, author, url, feedurl, pubDate, "
                                        "content, unread) VALUES (?,?,?,?,?,?,?,1)");
  std::vector<std::ofstream> sfeed;
  for (int i = 0; i < kFeeds; ++i) sfeed.emplace_back(out_dir + "/sfeed/pub" + std::to_string(i));

  Stopwatch records_t, ingest_t, newsboat_t, optimize_t;
  double pipeline_s = 0;
  long entries = 0, raw_bytes = 0;
  store::IngestResult sum;
  struct Group {
    std::vector<std::pair<int, feed::Feed>> feeds;
    std::vector<std::vector<store::EntryRecord>> records;
  };
  // The path of `atip fetch`: records are made from parsed feeds on a parse worker while the
  // store thread stores the group before (lib/app/fetch.cpp), so the measured wall time is the
  // two stages overlapped on this machine's cores. A chunk of groups is generated first, off
  // the clock, then pipelined; the store waits only for a chunk's first group.
  const auto run_chunk = [&](std::vector<Group>& chunk) {
    std::mutex mutex;
    std::condition_variable made;
    std::size_t ready = 0;
    const auto start = std::chrono::steady_clock::now();
    std::thread maker([&] {
      for (std::size_t g = 0; g < chunk.size(); ++g) {
        records_t.start();
        for (const auto& [index, f] : chunk[g].feeds) chunk[g].records.push_back(app::to_records(f, vocabulary));
        records_t.stop();
        const std::lock_guard lock(mutex);
        ready = g + 1;
        made.notify_one();
      }
    });
    for (std::size_t g = 0; g < chunk.size(); ++g) {
      {
        std::unique_lock lock(mutex);
        made.wait(lock, [&] { return ready > g; });
      }
      ingest_t.start();
      std::vector<store::FeedBatch> batches;
      for (std::size_t i = 0; i < chunk[g].feeds.size(); ++i)
        batches.push_back({feed_ids[static_cast<std::size_t>(chunk[g].feeds[i].first)],
                           chunk[g].feeds[i].second.title, &chunk[g].records[i]});
      for (const store::IngestResult& r : cat.ingest_many(batches, 1700000000, same_work)) {
        sum.new_documents += r.new_documents;
        sum.new_sightings += r.new_sightings;
        sum.updated += r.updated;
        sum.unchanged += r.unchanged;
      }
      ingest_t.stop();
    }
    maker.join();
    pipeline_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  // The peers' copies of the same entries: sfeed's TSV files, newsboat's cache (one
  // transaction per feed, as newsboat does after each reload).
  const auto write_peers = [&](const std::vector<Group>& chunk) {
    for (const Group& group : chunk)
      for (const auto& [index, f] : group.feeds) {
        auto& out = sfeed[static_cast<std::size_t>(index)];
        for (const feed::Entry& e : f.entries)
          out << *e.published.time << '\t' << sfeed_escape(e.title) << '\t' << e.link << '\t'
              << sfeed_escape(e.summary) << "\thtml\t" << e.id << '\t' << e.authors[0].name << "\t\t\n";
        newsboat_t.start();
        SQLite::Transaction tx(newsboat);
        for (const feed::Entry& e : f.entries) {
          nb_insert.bind(1, e.id);
          nb_insert.bind(2, e.title);
          nb_insert.bind(3, e.authors[0].name);
          nb_insert.bind(4, e.link);
          nb_insert.bind(5, f.link + "feed");
          nb_insert.bind(6, static_cast<std::int64_t>(*e.published.time));
          nb_insert.bind(7, e.summary);
          nb_insert.exec();
          nb_insert.reset();
        }
        tx.commit();
        newsboat_t.stop();
      }
  };

  // About 100,000 entries per chunk: the pipeline's start costs one group in thirty or more.
  const long chunk_entries = std::max<long>(100000, 32L * per_tx * kPerFeed);
  std::vector<Group> chunk(1);
  long in_chunk = 0;
  const auto flush_chunk = [&] {
    if (chunk.back().feeds.empty()) chunk.pop_back();
    run_chunk(chunk);
    write_peers(chunk);
    chunk.assign(1, Group{});
    in_chunk = 0;
  };
  for (long batch = 0; entries < total; ++batch) {
    const int index = static_cast<int>(batch % kFeeds);
    const int n = static_cast<int>(std::min<long>(kPerFeed, total - entries));
    feed::Feed f = gen.next_feed(index, n);
    for (const feed::Entry& e : f.entries)
      raw_bytes += static_cast<long>(e.title.size() + e.summary.size() + e.link.size() + e.id.size() +
                                     e.authors[0].name.size());
    entries += n;
    in_chunk += n;
    chunk.back().feeds.emplace_back(index, std::move(f));
    if (static_cast<int>(chunk.back().feeds.size()) >= per_tx) chunk.emplace_back();
    if (in_chunk >= chunk_entries) flush_chunk();
    if (entries % 100000 == 0) std::cerr << "ingest: " << entries << " entries\n";
  }
  if (in_chunk > 0) flush_chunk();
  optimize_t.start();
  cat.optimize();
  optimize_t.stop();

  std::cout << "entries=" << entries << " copies=" << gen.copies() << " documents=" << cat.count_documents()
            << " new_documents=" << sum.new_documents << " new_sightings=" << sum.new_sightings
            << " records_s=" << records_t.wall << " ingest_s=" << ingest_t.wall
            << " pipeline_s=" << pipeline_s << " optimize_s=" << optimize_t.wall << " newsboat_s=" << newsboat_t.wall
            << " records_cpu=" << records_t.cpu << " ingest_cpu=" << ingest_t.cpu
            << " optimize_cpu=" << optimize_t.cpu << " newsboat_cpu=" << newsboat_t.cpu
            << " raw_bytes=" << raw_bytes << "\n";
  return 0;
}
