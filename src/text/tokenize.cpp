// SPDX-License-Identifier: MIT
#include <plancmp/text/tokenize.hpp>

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/detail/aho_corasick.hpp>

#include "char_class.hpp"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include "../detail/json.hpp"

#include <map>
#include <mutex>

namespace plancmp::inline v0::text {

namespace {

using text::detail::is_separator;
using text::detail::next_code_point;

constexpr std::string_view lexicon_schema = "plancmp.lexicon/1";

// The part of [begin, end) of `text` between its first and last non-separator code
// points; empty (begin == end) when there is none.
token trim_separators(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  std::size_t first = end;
  std::size_t last = begin;
  for (std::size_t i = begin; i < end;) {
    const std::size_t at = i;
    if (!is_separator(next_code_point(text, i))) {
      if (first == end) first = at;
      last = i;
    }
  }
  return first == end ? token{begin, begin} : token{first, last};
}

// Why a term is unusable, or empty when it is fine. A term is matched as bytes, so it
// must be well-formed, and it must begin and end with a word character: a term ending in
// punctuation would make a token of the punctuation.
std::string term_problem(std::string_view term) {
  if (term.empty()) return "empty term";
  if (!text::detail::is_valid_utf8(term)) return "not valid UTF-8";
  const token core = trim_separators(term, 0, term.size());
  if (core.begin != 0 || core.end != term.size()) {
    return "begins or ends with white space or punctuation";
  }
  return {};
}

bool is_ascii_alnum(unsigned char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::vector<token> char_ngrams(std::string_view text, int n) {
  if (n < 1) {
    throw usage_error(fmt::format("char_ngrams: n = {} but n-grams need n ≥ 1; pass 1, 2, 3 …", n));
  }
  const auto width = static_cast<std::size_t>(n);
  std::vector<token> out;
  out.reserve(text.size() / 3);
  // Start offsets of the last `width` code points of the current run of word
  // characters, in a ring whose next slot to write (`head`) holds the oldest once the ring
  // is full; a separator empties it.
  std::vector<std::size_t> starts(width);
  std::size_t head = 0;
  std::size_t filled = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    if (is_separator(next_code_point(text, i))) {
      filled = 0;
      continue;
    }
    starts[head] = at;
    head = head + 1 == width ? 0 : head + 1;
    if (filled < width) ++filled;
    if (filled == width) out.push_back({starts[head], i});
  }
  return out;
}

struct word_tokenizer::impl {
  std::vector<std::string> terms;
  plancmp::detail::aho_corasick lexicon;
  std::unique_ptr<icu::BreakIterator> prototype;

  // Break iterators keep per-text state, so each call needs its own; cloning one costs
  // more than segmenting a line, hence a pool of clones shared by all threads.
  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<icu::BreakIterator>> pool;

  struct lease {
    const impl& owner;
    std::unique_ptr<icu::BreakIterator> iterator;
    explicit lease(const impl& o) : owner(o) {
      {
        const std::lock_guard lock(owner.pool_mutex);
        if (!owner.pool.empty()) {
          iterator = std::move(owner.pool.back());
          owner.pool.pop_back();
        }
      }
      if (!iterator) iterator.reset(owner.prototype->clone());
      if (!iterator)
        throw error("word_tokenizer: ICU could not clone the word break iterator (out of memory)");
    }
    ~lease() {
      const std::lock_guard lock(owner.pool_mutex);
      owner.pool.push_back(std::move(iterator));
    }
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
  };

  // Segments text[begin, end) with ICU and appends its words. ICU iterates UTF-16, so
  // the gap is converted with a map from each UTF-16 index to the UTF-8 byte offset it
  // came from (one extra entry for the end); boundaries map back exactly.
  void segment(std::string_view text, std::size_t begin, std::size_t end, icu::BreakIterator& it,
               std::vector<UChar>& utf16, std::vector<std::size_t>& utf8_offset,
               std::vector<token>& out) const {
    const token core = trim_separators(text, begin, end);
    if (core.begin == core.end) return;  // only spaces and punctuation
    utf16.clear();
    utf8_offset.clear();
    for (std::size_t i = core.begin; i < core.end;) {
      const std::size_t at = i;
      const char32_t c = next_code_point(text, i);
      if (c <= 0xFFFF) {
        utf16.push_back(static_cast<UChar>(c));
        utf8_offset.push_back(at);
      } else {
        utf16.push_back(U16_LEAD(c));
        utf16.push_back(U16_TRAIL(c));
        utf8_offset.push_back(at);
        utf8_offset.push_back(at);  // never a boundary: ICU does not split surrogate pairs
      }
    }
    utf8_offset.push_back(core.end);

    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUChars(&ut, utf16.data(), static_cast<int64_t>(utf16.size()), &status);
    it.setText(&ut, status);
    if (U_FAILURE(status)) {
      utext_close(&ut);
      throw error(fmt::format("word_tokenizer: ICU rejected the text ({})", u_errorName(status)));
    }
    std::int32_t from = it.first();
    for (std::int32_t to = it.next(); to != icu::BreakIterator::DONE; from = to, to = it.next()) {
      const token word = trim_separators(text, utf8_offset[static_cast<std::size_t>(from)],
                                         utf8_offset[static_cast<std::size_t>(to)]);
      if (word.begin != word.end) out.push_back(word);
    }
    utext_close(&ut);
  }
};

word_tokenizer::word_tokenizer(std::vector<std::string> lexicon_terms)
    : impl_(std::make_unique<impl>()) {
  for (std::size_t i = 0; i < lexicon_terms.size(); ++i) {
    if (const std::string problem = term_problem(lexicon_terms[i]); !problem.empty()) {
      throw usage_error(
          fmt::format("word_tokenizer: lexicon term {} (\"{}\"): {}; fix or remove the term", i,
                      lexicon_terms[i], problem));
    }
  }
  impl_->terms = std::move(lexicon_terms);
  // ASCII case is folded so that lexicon "PCT" also keeps "pct" whole.
  impl_->lexicon = plancmp::detail::aho_corasick(impl_->terms, {.ascii_case_insensitive = true});

  UErrorCode status = U_ZERO_ERROR;
  impl_->prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status) || !impl_->prototype) {
    throw error(
        fmt::format("word_tokenizer: ICU has no Chinese word break iterator ({}); install the "
                    "ICU data (Debian package libicu72)",
                    u_errorName(status)));
  }
}

word_tokenizer::~word_tokenizer() = default;
word_tokenizer::word_tokenizer(word_tokenizer&&) noexcept = default;
word_tokenizer& word_tokenizer::operator=(word_tokenizer&&) noexcept = default;

namespace {

std::vector<std::string> lexicon_from_json(const nlohmann::json& root, const std::string& origin);

}  // namespace

const word_tokenizer& word_tokenizer::builtin() {
  static const word_tokenizer instance(
      lexicon_from_json(plancmp::detail::builtin_json("lexicon.json"), "lexicon.json (built-in)"));
  return instance;
}

std::vector<std::string> word_tokenizer::read_lexicon(std::string_view json,
                                                      const std::string& origin) {
  return lexicon_from_json(plancmp::detail::parse_json(json, origin), origin);
}

namespace {

std::vector<std::string> lexicon_from_json(const nlohmann::json& root, const std::string& origin) {
  auto fail = [&](const std::string& pointer, const std::string& what) {
    plancmp::detail::schema_fail(origin, pointer, what);
  };
  if (!root.is_object()) fail("", "expected a JSON object with \"schema\" and \"terms\" or \"groups\"");
  for (const auto& [key, value] : root.items()) {
    if (key != "schema" && key != "revision" && key != "description" && key != "terms" &&
        key != "groups") {
      fail("/" + key, fmt::format("unknown key \"{}\"; known keys: schema, revision, description, "
                                  "terms, groups",
                                  key));
    }
  }
  const auto schema = root.find("schema");
  if (schema == root.end() || !schema->is_string()) {
    fail("/schema", fmt::format("missing \"schema\"; write \"schema\": \"{}\"", lexicon_schema));
  }
  if (schema->get_ref<const std::string&>() != lexicon_schema) {
    fail("/schema", fmt::format("unsupported schema \"{}\"; this version of plancmp reads \"{}\"",
                                schema->get_ref<const std::string&>(), lexicon_schema));
  }
  if (!root.contains("terms") && !root.contains("groups")) {
    fail("", "no terms; add a \"terms\" array or a \"groups\" array");
  }

  std::vector<std::string> terms;
  std::map<std::string, std::string, std::less<>> first_seen;  // term -> its JSON pointer
  auto read_terms = [&](const nlohmann::json& list, const std::string& pointer) {
    if (!list.is_array()) fail(pointer, "expected an array of terms (strings)");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = fmt::format("{}/{}", pointer, i);
      if (!list[i].is_string())
        fail(at, fmt::format("expected a string, found {}", list[i].type_name()));
      const auto& term = list[i].get_ref<const std::string&>();
      if (const std::string problem = term_problem(term); !problem.empty()) {
        fail(at, fmt::format("term \"{}\": {}; fix or remove it", term, problem));
      }
      if (const auto [it, inserted] = first_seen.emplace(term, at); !inserted) {
        fail(at, fmt::format("duplicate term \"{}\" (first at {}); remove one", term, it->second));
      }
      terms.push_back(term);
    }
  };
  if (root.contains("terms")) read_terms(root.at("terms"), "/terms");
  if (root.contains("groups")) {
    const auto& groups = root.at("groups");
    if (!groups.is_array()) fail("/groups", "expected an array of {\"name\", \"terms\"} objects");
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const std::string at = fmt::format("/groups/{}", g);
      const auto& group = groups[g];
      if (!group.is_object()) fail(at, "expected an object with \"name\" and \"terms\"");
      for (const auto& [key, value] : group.items()) {
        if (key != "name" && key != "description" && key != "terms") {
          fail(at + "/" + key,
               fmt::format("unknown key \"{}\"; known keys: name, description, terms", key));
        }
      }
      if (!group.contains("name") || !group["name"].is_string() ||
          group["name"].get_ref<const std::string&>().empty()) {
        fail(at + "/name", "every group needs a non-empty \"name\"");
      }
      if (group.contains("description") && !group["description"].is_string()) {
        fail(at + "/description", "expected a string");
      }
      if (!group.contains("terms")) fail(at, "missing \"terms\"; add the group's terms");
      read_terms(group.at("terms"), at + "/terms");
    }
  }
  return terms;
}

}  // namespace

std::vector<token> word_tokenizer::tokenize(std::string_view text) const {
  std::vector<token> out;
  out.reserve(text.size() / 4);
  const impl::lease lease(*impl_);
  std::vector<UChar> utf16;
  std::vector<std::size_t> utf8_offset;
  std::size_t pos = 0;
  impl_->lexicon.for_each_leftmost_longest(text, [&](const plancmp::detail::aho_corasick::match& m) {
    // A Latin term ("PCT") is a word only between non-letters: "PCTX" is not "PCT".
    const unsigned char before = m.begin > 0 ? static_cast<unsigned char>(text[m.begin - 1]) : '\0';
    const unsigned char after = m.end < text.size() ? static_cast<unsigned char>(text[m.end]) : '\0';
    if ((is_ascii_alnum(static_cast<unsigned char>(text[m.begin])) && is_ascii_alnum(before)) ||
        (is_ascii_alnum(static_cast<unsigned char>(text[m.end - 1])) && is_ascii_alnum(after))) {
      return;
    }
    impl_->segment(text, pos, m.begin, *lease.iterator, utf16, utf8_offset, out);
    out.push_back({m.begin, m.end});
    pos = m.end;
  });
  impl_->segment(text, pos, text.size(), *lease.iterator, utf16, utf8_offset, out);
  return out;
}

}  // namespace plancmp::inline v0::text
