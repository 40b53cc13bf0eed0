// bench/pubmed_bench.cc: importing a PubMed baseline-sized file.
//
// Writes a deterministic synthetic PubmedArticleSet (default 30,000 records,
// about 200 MB), then, each in its own child process so that each peak RSS
// belongs to that stage alone:
//   1. the evq import: ForEachPubmedDocument + Analyze (+ Store::Put into a
//      fresh database with --put), streaming record by record;
//   2. a bare pugixml parse of the same bytes: the whole file read into
//      memory, then one pugi::xml_document::load_buffer over all of it.
// and reports records/s, MB/s, their ratio and both peak RSS figures.
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench_modes.h"
#include "bench_util.h"
#include "evq/analysis.h"
#include "evq/import.h"
#include "evq/store.h"
#include "evq/vocabulary.h"
#include "pubmed_gen.h"

namespace evq::bench {
namespace {

// What a child reports back through its pipe (plain data).
struct ChildFigures {
  bool ok = false;
  char error[512] = {};
  double seconds = 0;   // the whole timed stage
  double read_s = 0;    // bare parse: reading the file into memory
  double record_s = 0;  // bare parse: record by record, one DOM each
  double visit_s = 0;   // import: time inside the visitor (Analyze, Put)
  double put_s = 0;
  long long records = 0, sentences = 0, claims = 0, references = 0;
  long long with_conditions = 0;  // documents given MeSH conditions
  double peak_mb = 0;             // the child's ru_maxrss, from wait4
};

// Runs `stage` in a child process; the child's peak RSS comes from wait4.
ChildFigures InChild(const std::function<void(ChildFigures*)>& stage) {
  int fds[2];
  if (pipe(fds) != 0) Die(std::string("pipe: ") + std::strerror(errno));
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) Die(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    close(fds[0]);
    ChildFigures f;
    stage(&f);
    ssize_t n = write(fds[1], &f, sizeof f);
    _exit(n == static_cast<ssize_t>(sizeof f) ? 0 : 1);
  }
  close(fds[1]);
  ChildFigures f;
  size_t got = 0;
  while (got < sizeof f) {
    ssize_t n = read(fds[0], reinterpret_cast<char*>(&f) + got, sizeof f - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  close(fds[0]);
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) != pid) Die("wait4 failed");
  if (got != sizeof f || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    Die("benchmark child process failed");
  }
  if (!f.ok) Die(f.error);
  f.peak_mb = ru.ru_maxrss * 1024.0 / kMB;
  return f;
}

void SetError(ChildFigures* f, const std::string& what) {
  std::snprintf(f->error, sizeof f->error, "%s", what.c_str());
}

void ImportStage(const std::string& path, const Vocabulary& vocab,
                 const std::string& db_path, ChildFigures* f) {
  std::unique_ptr<Store> store;
  if (!db_path.empty()) {
    std::filesystem::remove(db_path);
    Result<std::unique_ptr<Store>> s = Store::Open(db_path, vocab);
    if (!s.ok()) return SetError(f, "Store::Open: " + s.status().message());
    store = std::move(s).value();
  }
  std::string put_error;
  Clock::time_point start = Clock::now();
  Status st = ForEachPubmedDocument(path, [&](Document&& doc) {
    Clock::time_point t0 = Clock::now();
    Analysis a = Analyze(doc, vocab);
    ++f->records;
    f->sentences += static_cast<long long>(a.sentences.size());
    for (const Sentence& s : a.sentences) f->claims += s.claim ? 1 : 0;
    f->references += static_cast<long long>(a.references.size());
    f->with_conditions += a.conditions.empty() ? 0 : 1;
    if (store) {
      Clock::time_point t1 = Clock::now();
      Status p = store->Put(a);
      f->put_s += Seconds(Clock::now() - t1);
      if (!p.ok()) {
        put_error = "Store::Put: " + p.message();
        return false;
      }
    }
    f->visit_s += Seconds(Clock::now() - t0);
    if (f->records % 5000 == 0) {
      std::fprintf(stderr, "  imported %lld records\n", f->records);
    }
    return true;
  });
  f->seconds = Seconds(Clock::now() - start);
  if (!st.ok()) return SetError(f, "ForEachPubmedDocument: " + st.message());
  if (!put_error.empty()) return SetError(f, put_error);
  f->ok = true;
}

void BareParseStage(const std::string& path, ChildFigures* f) {
  Clock::time_point t0 = Clock::now();
  FILE* in = std::fopen(path.c_str(), "rb");
  if (!in) return SetError(f, path + ": cannot open");
  std::string bytes(std::filesystem::file_size(path), '\0');
  size_t n = std::fread(bytes.data(), 1, bytes.size(), in);
  std::fclose(in);
  if (n != bytes.size()) return SetError(f, path + ": short read");
  Clock::time_point t1 = Clock::now();
  pugi::xml_document doc;
  pugi::xml_parse_result r = doc.load_buffer(
      bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
  Clock::time_point t2 = Clock::now();
  if (!r) return SetError(f, std::string("pugixml: ") + r.description());
  f->read_s = Seconds(t1 - t0);
  f->seconds = Seconds(t2 - t1);
  for (pugi::xml_node n2 = doc.document_element().child("PubmedArticle"); n2;
       n2 = n2.next_sibling("PubmedArticle")) {
    ++f->records;
  }
  doc.reset();
  // Record by record, as the importer parses: each PubmedArticle element
  // (found by its tags) copied into a buffer and parsed into a fresh DOM.
  std::string_view all(bytes);
  const std::string_view open = "<PubmedArticle>", close = "</PubmedArticle>";
  std::string record;
  long long parsed = 0;
  Clock::time_point t3 = Clock::now();
  for (size_t at = all.find(open); at != std::string_view::npos;) {
    size_t end = all.find(close, at);
    if (end == std::string_view::npos) break;
    end += close.size();
    record.assign(all.substr(at, end - at));
    pugi::xml_document one;
    if (!one.load_buffer(record.data(), record.size(), pugi::parse_default,
                         pugi::encoding_utf8)) {
      return SetError(f, "pugixml: a record does not parse");
    }
    ++parsed;
    at = all.find(open, end);
  }
  f->record_s = Seconds(Clock::now() - t3);
  if (parsed != f->records) return SetError(f, "record counts differ");
  f->ok = true;
}

}  // namespace

int RunPubmedBench(const PubmedBenchOptions& o) {
  Result<Vocabulary> vocab = Vocabulary::Builtin();
  if (!vocab.ok()) Die("Vocabulary::Builtin: " + vocab.status().message());
  std::string dir = o.work + "/pubmed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::string path = dir + "/pubmed-baseline.xml";

  std::fprintf(stderr, "[pubmed 1/3] writing %d PubmedArticle records to %s\n",
               o.records, path.c_str());
  Clock::time_point g0 = Clock::now();
  Result<uint64_t> written =
      WritePubmedFile(vocab.value(), path, o.records, o.seed);
  if (!written.ok()) Die(written.status().message());
  uint64_t bytes = written.value();
  double gen_s = Seconds(Clock::now() - g0);
  double mb = static_cast<double>(bytes) / kMB;
  double parent_mb = PeakRssMb();

  std::fprintf(stderr,
               "[pubmed 2/3] import: ForEachPubmedDocument + Analyze%s"
               " (child process)\n",
               o.put ? " + Store::Put" : "");
  std::string db = o.put ? dir + "/evq.db" : "";
  ChildFigures imp = InChild(
      [&](ChildFigures* f) { ImportStage(path, vocab.value(), db, f); });
  std::fprintf(stderr,
               "[pubmed 3/3] bare pugixml load_buffer of the whole "
               "file (child process)\n");
  ChildFigures bare =
      InChild([&](ChildFigures* f) { BareParseStage(path, f); });

  double parse_s = imp.seconds - imp.visit_s;  // read, split, parse, map
  double imp_mbs = mb / imp.seconds, bare_mbs = mb / bare.seconds;
  std::printf(
      "\nPubMed baseline import (one thread; each stage in its own "
      "child process)\n");
  std::printf(
      "==========================================================="
      "===============\n");
  std::printf(
      "file         %.1f MB (10^6 bytes), %d PubmedArticle records "
      "(%.1f KB each), seed %llu,\n             written in %.1f s\n",
      mb, o.records, bytes / 1e3 / o.records,
      static_cast<unsigned long long>(o.seed), gen_s);
  std::printf(
      "import       %lld documents, %lld sentences, %lld claims, %lld "
      "references;\n             %lld documents with MeSH conditions "
      "from the vocabulary\n",
      imp.records, imp.sentences, imp.claims, imp.references,
      imp.with_conditions);
  std::printf("bare parse   %lld PubmedArticle elements in the DOM\n\n",
              bare.records);
  std::printf("%-50s %14s  %s\n", "measure", "value", "detail");
  std::printf("%-50s %14s  %s\n",
              "--------------------------------------------------",
              "--------------", "------");
  std::string what = std::string("import: ForEachPubmedDocument + Analyze") +
                     (o.put ? " + Put" : "");
  std::printf("%-50s %9.2f MB/s  %.0f records/s, %.1f s\n", what.c_str(),
              imp_mbs, imp.records / imp.seconds, imp.seconds);
  std::printf("%-50s %9.2f MB/s  %.0f records/s, %.1f s (outside visitor)\n",
              "  of which read + split + pugixml + map to Document",
              mb / parse_s, imp.records / parse_s, parse_s);
  std::printf("%-50s %9.2f MB/s  %.1f s%s\n", "  of which Analyze",
              mb / (imp.visit_s - imp.put_s), imp.visit_s - imp.put_s, "");
  if (o.put) {
    std::printf("%-50s %9.2f MB/s  %.1f s\n", "  of which Store::Put",
                mb / imp.put_s, imp.put_s);
  }
  std::printf("%-50s %9.2f MB/s  %.0f records/s, %.2f s (+ %.2f s read)\n",
              "bare pugixml load_buffer, whole file", bare_mbs,
              bare.records / bare.seconds, bare.seconds, bare.read_s);
  std::printf("%-50s %9.2f MB/s  %.0f records/s, %.2f s\n",
              "bare pugixml load_buffer, record by record", mb / bare.record_s,
              bare.records / bare.record_s, bare.record_s);
  std::printf("%-50s %11.3f x   import is %.1fx slower than the bare parse\n",
              "ratio import / bare parse (throughput)", imp_mbs / bare_mbs,
              bare_mbs / imp_mbs);
  std::printf("%-50s %11.3f x   import is %.1fx slower than it\n",
              "ratio import / bare parse record by record",
              imp_mbs * bare.record_s / mb, mb / bare.record_s / imp_mbs);
  std::printf(
      "%-50s %11.3f x   the import's parsing part alone is %.1fx "
      "slower\n",
      "ratio import parsing part / bare parse", mb / parse_s / bare_mbs,
      bare_mbs * parse_s / mb);
  std::printf("%-50s %11.1f MB\n", "peak RSS of the import (child ru_maxrss)",
              imp.peak_mb);
  std::printf("%-50s %11.1f MB  file bytes + DOM\n",
              "peak RSS of the bare parse (child ru_maxrss)", bare.peak_mb);
  std::printf("%-50s %11.1f MB  inherited by both children at fork\n",
              "RSS of the parent at fork (vocabulary, writer)", parent_mb);
  std::printf(
      "\nMB/s is file bytes per second of wall time. The import streams the "
      "file\n(ForEachPubmedDocument reads it in chunks, cuts it at record tags "
      "and parses\neach record with pugixml); the bare parse reads the whole "
      "file into memory\nfirst (not timed, shown as '+ read') and then parses "
      "it as one DOM with\npugi::parse_default; the record-by-record row "
      "then finds each PubmedArticle\nin those bytes, copies it and parses "
      "it into its own DOM (no checks, no mapping).\nThe ratios use the "
      "whole-file parse unless named otherwise.\nThe two run in separate child "
      "processes, so each peak\nRSS (from wait4) is that stage's alone, plus "
      "what the parent held at fork.\n%s",
      o.put ? "Store::Put writes every document into a fresh database.\n"
            : "No database is written (run with --put to add Store::Put).\n");
  if (!o.keep) std::filesystem::remove_all(dir);
  return 0;
}

}  // namespace evq::bench
