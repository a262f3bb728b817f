// SPDX-License-Identifier: MIT
// Similarity benchmark: plancmp's exact, pruned and LSH modes against the peer a
// researcher would write (scikit-learn TfidfVectorizer char 2–3-grams + blockwise cosine
// top-10, bench/peer_sklearn_topk.py under Debian's /usr/bin/python3), side by side on
// one synthetic corpus per size (bench/synthetic_corpus.hpp).
//
//   bench_similarity [--plans 100,1000] [--threads 2] [--modes exact,pruned,lsh]
//                    [--peer-max-plans 1000] [--dir /tmp/plancmp_bench_similarity]
//                    [--reuse-peer yes]   (the peer's timing and output from an earlier run)
//                    [--reuse-corpus yes] (the corpus files an earlier run wrote to DIR/PLANS)
//   bench_similarity run DIR MODE THREADS      (one timed run; the driver spawns it)
// Modes: exact, exact@T (scores above T), pruned, pruned@F (cap features in more than F of
// the rows), bounded@T (pruned mode with a threshold: exact prefix and norm bounds), lsh
// (on the tf-idf matrix), lsh-texts (MinHash straight from the texts, for the largest sizes).
// Ranked modes also report their recall against DIR/PLANS/exact.tsv when an exact run on
// the same corpus wrote it (for @T modes: of the exact pairs scoring above T).
//
// Every run is its own process, so peak RSS (wait4's ru_maxrss) is that run's alone.
// Times exclude reading and writing files: vectorizing plus the search.
#include "synthetic_corpus.hpp"

#include <plancmp/analysis/similarity.hpp>
#include <plancmp/data.hpp>

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace plancmp;

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

constexpr std::size_t k = 10;

/// One timed run: vectorize measures.txt as scikit-learn does, search, write DIR/MODE.tsv.
int run_child(const std::string& dir, const std::string& mode, unsigned threads) {
  const std::vector<std::string> texts = read_lines(dir + "/measures.txt");
  std::vector<std::uint32_t> plan_of;
  for (const std::string& line : read_lines(dir + "/units.tsv"))
    plan_of.push_back(static_cast<std::uint32_t>(std::stoul(line.substr(line.find('\t') + 1))));
  const auto start = std::chrono::steady_clock::now();
  analysis::vectorize_options vo;
  vo.features = analysis::feature_kind::raw_char_ngrams;  // scikit-learn's analyzer='char'
  vo.threads = threads;
  if (mode == "lsh-texts") {  // no matrix: MinHash straight from the texts
    analysis::lsh_options o;
    o.threads = threads;
    o.threshold = 0.3;
    const auto pairs = analysis::near_duplicate_texts(texts, vo, o);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string text;
    for (const auto& m : pairs) text += fmt::format("{}\t{}\t{:.7f}\n", m.query, m.candidate, m.score);
    std::ofstream(dir + "/" + mode + ".tsv", std::ios::binary) << text;
    fmt::print("seconds={:.6f}\npairs={}\n", seconds, pairs.size());
    return 0;
  }
  analysis::vectorizer v(vo);
  const analysis::csr_matrix x = v.fit_transform(texts);
  const double vectorize_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<analysis::match> out;
  if (mode == "lsh") {
    analysis::lsh_options o;
    o.threads = threads;
    o.threshold = 0.3;
    out = analysis::near_duplicates(x, o);
  } else {
    analysis::similarity_options o;
    o.top_k = k;
    o.threads = threads;
    // "pruned" uses the default pruning; "pruned@F" caps features held by more than F of the
    // rows; "exact@T" and "bounded@T" keep scores above T, the latter by pruned mode's
    // prefix and norm bounds.
    analysis::pruning_options p;
    const std::string kind = mode.substr(0, mode.find('@'));
    const double parameter = mode.find('@') == std::string::npos ? 0.0 : std::stod(mode.substr(mode.find('@') + 1));
    if (kind == "pruned") p.max_df_fraction = parameter > 0 ? parameter : p.max_df_fraction;
    if (kind == "exact" || kind == "bounded") o.threshold = parameter;
    out = (kind == "exact" ? analysis::top_k_similar(x, o) : analysis::top_k_similar_pruned(x, o, p)).matches;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string text;
  for (const auto& m : out) text += fmt::format("{}\t{}\t{:.7f}\n", m.query, m.candidate, m.score);
  std::ofstream(dir + "/" + mode + ".tsv", std::ios::binary) << text;
  fmt::print("seconds={:.6f}\nvectorize={:.6f}\nnonzeros={}\npairs={}\n", seconds, vectorize_seconds, x.nonzeros(),
             out.size());
  return 0;
}

struct run_result {
  double seconds = 0;      // reported by the run itself
  double peak_rss_mb = 0;  // of the whole process
  double cpu_seconds = 0;  // user + system time of the whole process (start-up and I/O included)
  std::string output;
};

run_result spawn(const std::vector<std::string>& argv) {
  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fd[1], 1);
    close(pipe_fd[0]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::_Exit(127);
  }
  close(pipe_fd[1]);
  run_result r;
  char buf[4096];
  for (ssize_t n; (n = read(pipe_fd[0], buf, sizeof buf)) > 0;) r.output.append(buf, static_cast<std::size_t>(n));
  close(pipe_fd[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(fmt::format("{} failed (status {})", argv[0], status));
  r.peak_rss_mb = double(usage.ru_maxrss) / 1024.0;
  r.cpu_seconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  const auto at = r.output.find("seconds=");
  r.seconds = at == std::string::npos ? 0 : std::stod(r.output.substr(at + 8));
  return r;
}

/// query → (candidate, score) list, best first.
std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>> read_pairs(const std::string& path) {
  std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>> out;
  for (const std::string& line : read_lines(path)) {
    std::istringstream in(line);
    std::uint32_t q = 0;
    std::uint32_t c = 0;
    double s = 0;
    in >> q >> c >> s;
    out[q].emplace_back(c, s);
  }
  return out;
}

/// Mean over queries of |ours ∩ peer| / |peer|; a candidate of ours with the same score
/// as the peer's last kept one counts too (which of equal scores makes the cut is arbitrary).
double overlap(const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& ours,
               const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& peer) {
  double sum = 0;
  std::size_t n = 0;
  for (const auto& [q, theirs] : peer) {
    if (theirs.empty()) continue;
    ++n;
    std::set<std::uint32_t> want;
    for (const auto& [c, s] : theirs) want.insert(c);
    const double last = theirs.back().second;
    std::size_t hit = 0;
    const auto it = ours.find(q);
    if (it != ours.end())
      for (const auto& [c, s] : it->second) hit += want.count(c) > 0 || (theirs.size() == k && std::abs(s - last) < 1e-5);
    sum += double(std::min(hit, theirs.size())) / double(theirs.size());
  }
  return n == 0 ? 1.0 : sum / double(n);
}

/// Planted pairs found: the source among the copy's results or the copy among the source's;
/// only pairs of `kind` when it is not empty.
double planted_recall(const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& ours,
                      const std::vector<std::string>& planted, const std::string& kind = {}) {
  std::size_t found = 0;
  std::size_t total = 0;
  auto has = [&](std::uint32_t q, std::uint32_t c) {
    const auto it = ours.find(q);
    if (it == ours.end()) return false;
    for (const auto& p : it->second)
      if (p.first == c) return true;
    return false;
  };
  for (const std::string& line : planted) {
    std::istringstream in(line);
    std::uint32_t copy = 0;
    std::uint32_t source = 0;
    std::string what;
    in >> copy >> source >> what;
    if (!kind.empty() && what != kind) continue;
    ++total;
    found += has(copy, source) || has(source, copy);
  }
  return total == 0 ? 1.0 : double(found) / double(total);
}

std::string recall_by_kind(const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& ours,
                           const std::vector<std::string>& planted) {
  return fmt::format("{:.3f} / {:.3f} / {:.3f} / {:.3f}", planted_recall(ours, planted, "exact"),
                     planted_recall(ours, planted, "light"), planted_recall(ours, planted, "heavy"),
                     planted_recall(ours, planted, "derivative"));
}

bool exists(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0;
}

/// Share of the exact run's pairs scoring above `above` that `ours` found too.
double recall_against(const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& ours,
                      const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& exact,
                      double above) {
  std::size_t want = 0;
  std::size_t found = 0;
  for (const auto& [q, list] : exact) {
    const auto it = ours.find(q);
    for (const auto& [c, s] : list) {
      if (s <= above) continue;
      ++want;
      if (it != ours.end())
        found += std::any_of(it->second.begin(), it->second.end(), [&](const auto& p) { return p.first == c; });
    }
  }
  return want == 0 ? 1.0 : double(found) / double(want);
}

std::size_t count_pairs(const std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>>& m) {
  std::size_t n = 0;
  for (const auto& [q, v] : m) n += v.size();
  return n;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "run" && args.size() == 4)
      return run_child(args[1], args[2], static_cast<unsigned>(std::stoul(args[3])));
    std::string plans_list = "100,1000";
    std::string modes_list = "exact,pruned,lsh";
    std::string dir = "/tmp/plancmp_bench_similarity";
    unsigned threads = 2;
    std::size_t peer_max = 1000;
    bool reuse_peer = false;
    bool reuse_corpus = false;
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
      if (args[i] == "--plans") plans_list = args[i + 1];
      else if (args[i] == "--modes" || args[i] == "--mode") modes_list = args[i + 1];
      else if (args[i] == "--dir") dir = args[i + 1];
      else if (args[i] == "--threads") threads = static_cast<unsigned>(std::stoul(args[i + 1]));
      else if (args[i] == "--peer-max-plans") peer_max = std::stoul(args[i + 1]);
      else if (args[i] == "--reuse-peer") reuse_peer = args[i + 1] == "yes";
      else if (args[i] == "--reuse-corpus") reuse_corpus = args[i + 1] == "yes";
      else throw std::runtime_error("unknown option " + args[i]);
    }
    const std::string self = "/proc/self/exe";
    const std::string exe = [&] {
      char buf[4096];
      const ssize_t n = readlink(self.c_str(), buf, sizeof buf - 1);
      return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    }();
    const std::string peer_script = std::string(PLANCMP_BENCH_DIR) + "/peer_sklearn_topk.py";
    fmt::print("| plans | measures | system | mode | threads | wall s | CPU s | peak RSS MB | speed-up vs peer (wall) | "
               "CPU vs peer | RSS vs peer | top-10 overlap with peer | recall vs exact | pairs | planted recall | exact / light / heavy / derivative |\n");
    fmt::print("| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    std::fflush(stdout);
    for (const std::string& size_text : split(plans_list)) {
      const std::size_t plans = std::stoul(size_text);
      const std::string d = fmt::format("{}/{}", dir, plans);
      mkdir(dir.c_str(), 0755);
      mkdir(d.c_str(), 0755);
      // Generated, written, and released before any run: the runs read it from disk, so
      // the corpus is never held twice (10⁵ plans ≈ 1.6 GB of text).
      const std::size_t measures = [&] {
        if (reuse_corpus) {  // written by an earlier run: same generator, seed and size
          const std::size_t rows = read_lines(d + "/units.tsv").size();
          if (rows > 0) return rows;
        }
        const auto corpus = bench::make_synthetic_corpus(PLANCMP_SEEDS_DIR, plans);
        bench::write_corpus(corpus, d);
        return corpus.texts.size();
      }();
      const auto planted = read_lines(d + "/planted.tsv");
      std::optional<run_result> peer;
      std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, double>>> peer_pairs;
      if (plans <= peer_max) {
        std::ifstream cached(d + "/peer.txt");
        run_result old;
        if (reuse_peer && cached >> old.seconds >> old.peak_rss_mb >> old.cpu_seconds) {
          peer = old;  // from an earlier run on the same corpus (same seed, same size)
        } else {
          peer = spawn({"/usr/bin/python3", peer_script, d + "/measures.txt", d + "/peer.tsv", std::to_string(k)});
          std::ofstream(d + "/peer.txt") << peer->seconds << ' ' << peer->peak_rss_mb << ' ' << peer->cpu_seconds << '\n';
        }
        peer_pairs = read_pairs(d + "/peer.tsv");
        fmt::print("| {} | {} | scikit-learn | exact | 1 | {:.2f} | {:.1f} | {:.0f} | 1.0 | 1.00 | 1.00 | 1.000 | — | {} | {:.4f} | {} |\n",
                   plans, measures, peer->seconds, peer->cpu_seconds, peer->peak_rss_mb, count_pairs(peer_pairs),
                   planted_recall(peer_pairs, planted), recall_by_kind(peer_pairs, planted));
        std::fflush(stdout);
      }
      for (const std::string& mode : split(modes_list)) {
        const run_result r = spawn({exe, "run", d, mode, std::to_string(threads)});
        std::fprintf(stderr, "%zu plans, %s: %s", plans, mode.c_str(), r.output.c_str());
        const auto ours = read_pairs(d + "/" + mode + ".tsv");
        const bool ranked = mode.rfind("lsh", 0) != 0;
        std::string vs_exact = "—";
        if (ranked && mode != "exact" && exists(d + "/exact.tsv")) {
          const double above = mode.find('@') != std::string::npos && mode.rfind("pruned", 0) != 0
                                   ? std::stod(mode.substr(mode.find('@') + 1))
                                   : -1.0;
          vs_exact = fmt::format("{:.4f}", recall_against(ours, read_pairs(d + "/exact.tsv"), above));
        }
        fmt::print("| {} | {} | plancmp | {} | {} | {:.2f} | {:.1f} | {:.0f} | {} | {} | {} | {} | {} | {} | {:.4f} | {} |\n", plans,
                   measures, mode, threads, r.seconds, r.cpu_seconds, r.peak_rss_mb,
                   peer ? fmt::format("{:.1f}", peer->seconds / r.seconds) : "—",
                   peer ? fmt::format("{:.2f}", r.cpu_seconds / peer->cpu_seconds) : "—",
                   peer ? fmt::format("{:.2f}", r.peak_rss_mb / peer->peak_rss_mb) : "—",
                   peer && ranked ? fmt::format("{:.4f}", overlap(ours, peer_pairs)) : "—", vs_exact, count_pairs(ours),
                   planted_recall(ours, planted), recall_by_kind(ours, planted));
        std::fflush(stdout);
      }
    }
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "bench_similarity: {}\n", e.what());
    return 1;
  }
}
