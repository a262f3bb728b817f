// SPDX-License-Identifier: MIT
//
// Traditional → simplified conversion and script detection on OpenCC's dictionaries.
//
// OpenCC's own t2s converter segments the text with a marisa-trie prefix search at every
// character (MaxMatchSegmentation over TSPhrases) and then converts each segment with a
// second prefix search (DictGroup{TSPhrases, TSCharacters}), building std::strings per
// segment. We read the same dictionaries once, through OpenCC's API, into flat tables
// and reproduce the same result in one pass:
//
//   at each character: the longest TSPhrases key starting here, else the TSCharacters
//   entry of this character, else the character unchanged.
//
// That is exactly what OpenCC computes: a segment that is a phrase key converts to that
// key's value (the group tries TSPhrases first and the longest prefix of a key is the key
// itself), and inside the runs between phrases no phrase key starts at any position (the
// segmenter would have taken it), so each character converts on its own.
//
// The hot loop costs one table load per character: a dense 64 Ki-entry array over the
// BMP tells "unchanged" (the common case, even in traditional text), "replace with entry
// k", and "a phrase may start here"; unchanged runs are copied in bulk, and ASCII is
// skipped eight bytes at a time.

#include <plancmp/text/detail/utf8.hpp>
#include <plancmp/text/script.hpp>

#include <plancmp/error.hpp>

#include <opencc/DictEntry.hpp>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace plancmp::inline v0::text {

std::string_view to_string(script s) noexcept {
  switch (s) {
    case script::simplified:
      return "simplified";
    case script::traditional:
      return "traditional";
    case script::mixed:
      return "mixed";
    case script::none:
      return "none";
  }
  return "none";
}

namespace {

// ------------------------------------------------------------------------- UTF-8

/// Length of the UTF-8 sequence starting at `p` (which lies before `end`) and its code
/// point; malformed or truncated sequences count as one byte with code point U+FFFD so
/// that they are copied unchanged and never matched.
struct decoded {
  char32_t code_point;
  std::size_t length;
};

using detail::is_continuation;

inline decoded decode(const unsigned char* p, const unsigned char* end) noexcept {
  if (*p < 0x80U) return {*p, 1};  // the common cases, without the general decoder
  // Three bytes with a lead byte that admits no overlong form or surrogate (E1–EC, EE–EF):
  // nearly every Han character.
  if (*p >= 0xE1U && *p <= 0xEFU && *p != 0xEDU && end - p >= 3 && is_continuation(p[1]) &&
      is_continuation(p[2])) {
    return {static_cast<char32_t>(((*p & 0x0FU) << 12) | ((p[1] & 0x3FU) << 6) | (p[2] & 0x3FU)), 3};
  }
  const std::string_view s(reinterpret_cast<const char*>(p), static_cast<std::size_t>(end - p));
  std::size_t length = 0;
  const char32_t c = detail::next_code_point(s, length);
  return {c == detail::invalid_code_point ? char32_t{0xFFFD} : c, length};
}

/// Code points of a dictionary key or value; empty if it is not valid UTF-8.
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    const decoded d = decode(p, end);
    if (d.code_point == 0xFFFD && d.length == 1) return {};
    out.push_back(d.code_point);
    p += d.length;
  }
  return out;
}

/// Byte offsets at which the characters of valid UTF-8 `s` start.
std::vector<std::uint32_t> char_starts(std::string_view s) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(s[i])))
      out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

// ------------------------------------------------------------------------- loading

constexpr std::string_view phrases_file = "TSPhrases.ocd2";  // t2s.json: segmentation + first in group
constexpr std::string_view characters_file = "TSCharacters.ocd2";          // t2s.json: second in group
constexpr std::string_view reverse_characters_file = "STCharacters.ocd2";  // s2t.json, for detect()

struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

/// Reads one `.ocd2` dictionary through OpenCC and returns all of its entries.
opencc::LexiconPtr load_lexicon(const std::string& folder, std::string_view name) {
  const std::string path = folder + "/" + std::string(name);
  const std::unique_ptr<std::FILE, file_closer> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    throw io_error(error_location::file(path),
                   "OpenCC dictionary " + std::string(name) + " not found in folder '" + folder +
                       "'; install the Debian package libopencc-data (OpenCC's dictionaries, "
                       "next to libopencc1.1) or pass the folder that holds t2s.json and its "
                       ".ocd2 files");
  }
  try {
    return opencc::MarisaDict::NewFromFile(file.get())->GetLexicon();
  } catch (const opencc::Exception& e) {
    throw io_error(error_location::file(path),
                   "cannot read OpenCC dictionary " + std::string(name) + " in folder '" + folder +
                       "' (" + e.what() + "); reinstall the Debian package libopencc-data");
  } catch (const std::exception& e) {
    throw io_error(error_location::file(path),
                   "cannot read OpenCC dictionary " + std::string(name) + " in folder '" + folder +
                       "' (" + e.what() + "); reinstall the Debian package libopencc-data");
  }
}

/// Whether `entry` may map its key to itself: OpenCC lists a few characters (於 → 于 於,
/// 乾 → 干 乾) whose key is one of its own values; such characters occur in both scripts.
bool key_among_values(const opencc::DictEntry& entry) {
  const std::string key = entry.Key();
  for (const auto& value : entry.Values()) {
    if (value == key) return true;
  }
  return false;
}

}  // namespace

// ------------------------------------------------------------------------- tables

struct simplifier::tables {
  // One 32-bit entry per code point: the replacement (index + 1 into `replacements`,
  // 0 = unchanged) in the low 24 bits, flags above. The index cannot overflow: there are
  // fewer than 2^21 code points, hence fewer character entries.
  static constexpr std::uint32_t replacement_mask = (1U << 24) - 1;
  static constexpr std::uint32_t phrase_start = 1U << 24;      // some TSPhrases key starts here
  static constexpr std::uint32_t traditional_only = 1U << 25;  // changes under t2s, never under s2t
  static constexpr std::uint32_t simplified_only = 1U << 26;   // changes under s2t, never under t2s

  struct slice {
    std::uint32_t offset;
    std::uint32_t size;
  };
  struct phrase {
    slice key;
    slice value;
    bool aligned;  // value character i starts at the same byte offset as key character i
  };
  struct phrase_group {  // all phrases whose key starts with `first`, longest key first
    char32_t first;
    std::uint32_t begin;
    std::uint32_t end;
    /// One bit per hash of the keys' second characters (all bits: a one-character key):
    /// where the text's second character has no bit, no phrase of the group matches.
    std::uint64_t seconds = 0;
  };
  /// The bit of a second character in phrase_group::seconds.
  [[nodiscard]] static std::uint64_t second_bit(char32_t c) noexcept {
    return std::uint64_t{1} << ((static_cast<std::uint64_t>(c) * 0x9E3779B97F4A7C15ULL) >> 58);
  }

  std::vector<std::uint32_t> bmp = std::vector<std::uint32_t>(0x10000, 0);
  std::vector<std::pair<char32_t, std::uint32_t>> supplementary;  // sorted by code point
  std::vector<slice> replacements;
  std::vector<phrase> phrases;
  std::vector<phrase_group> phrase_groups;  // sorted by `first`
  /// The group of each BMP code point (index + 1; 0: none), so that a phrase start costs
  /// no search; supplementary first characters are searched in phrase_groups.
  std::vector<std::uint16_t> bmp_group = std::vector<std::uint16_t>(0x10000, 0);
  std::string pool;  // bytes of every key and value, then `pool_padding` zero bytes
  // So that any value of at most 4 bytes can be read as exactly 4 bytes (a fixed-size
  // copy in the hot loop instead of a memcpy call of variable length).
  static constexpr std::size_t pool_padding = 4;
  // Whether some entry or phrase starts with an ASCII character (never in OpenCC's
  // data); if not, convert() skips ASCII without looking it up.
  bool ascii_has_entries = false;

  [[nodiscard]] std::uint32_t entry(char32_t cp) const noexcept {
    if (cp < 0x10000) return bmp[cp];
    const auto it = std::lower_bound(supplementary.begin(), supplementary.end(), cp,
                                     [](const auto& e, char32_t c) { return e.first < c; });
    return (it != supplementary.end() && it->first == cp) ? it->second : 0;
  }

  std::uint32_t& entry_for_update(char32_t cp) {
    if (cp < 0x10000) return bmp[cp];
    auto it = std::lower_bound(supplementary.begin(), supplementary.end(), cp,
                               [](const auto& e, char32_t c) { return e.first < c; });
    if (it == supplementary.end() || it->first != cp) it = supplementary.insert(it, {cp, 0});
    return it->second;
  }

  slice store(std::string_view bytes) {
    const slice s{static_cast<std::uint32_t>(pool.size()), static_cast<std::uint32_t>(bytes.size())};
    pool.append(bytes);
    return s;
  }
  [[nodiscard]] std::string_view view(slice s) const noexcept {
    return {pool.data() + s.offset, s.size};
  }

  [[nodiscard]] const phrase_group* group_of(char32_t first) const noexcept {
    if (first < 0x10000 && !bmp_group.empty()) {
      const std::uint16_t g = bmp_group[first];
      return g == 0 ? nullptr : &phrase_groups[g - 1U];
    }
    const auto it = std::lower_bound(phrase_groups.begin(), phrase_groups.end(), first,
                                     [](const phrase_group& g, char32_t c) { return g.first < c; });
    return (it != phrase_groups.end() && it->first == first) ? &*it : nullptr;
  }

  explicit tables(const std::string& folder) {
    const auto phrase_lexicon = load_lexicon(folder, phrases_file);
    const auto char_lexicon = load_lexicon(folder, characters_file);
    const auto reverse_lexicon = load_lexicon(folder, reverse_characters_file);

    // Characters. A key that maps to itself by default (8 entries in OpenCC 1.1) needs
    // no replacement; any other single-character key gets one.
    for (const auto& entry : *char_lexicon) {
      const std::string key = entry->Key();
      const std::string value = entry->GetDefault();
      const auto cps = code_points(key);
      if (cps.size() != 1 || key.find_first_of("\r\n") != std::string::npos) continue;
      std::uint32_t& e = entry_for_update(cps[0]);
      if (value != key && (e & replacement_mask) == 0) {
        replacements.push_back(store(value));
        e |= static_cast<std::uint32_t>(replacements.size());
        if (cps[0] < 0x80) ascii_has_entries = true;
      }
      if (!key_among_values(*entry)) e |= traditional_only;
    }
    for (const auto& entry : *reverse_lexicon) {
      const auto cps = code_points(entry->Key());
      if (cps.size() != 1 || key_among_values(*entry)) continue;
      entry_for_update(cps[0]) |= simplified_only;
    }
    // A character in both lists (5 in OpenCC 1.1) tells nothing about the script.
    auto clear_ambiguous = [](std::uint32_t& e) {
      if ((e & traditional_only) && (e & simplified_only)) e &= ~(traditional_only | simplified_only);
    };
    for (auto& e : bmp) clear_ambiguous(e);
    for (auto& [cp, e] : supplementary) clear_ambiguous(e);

    // Phrases, grouped by first character, longest key first within a group. Keys with
    // a line break are dropped so that no conversion ever crosses a line (OpenCC's data
    // has none).
    std::vector<std::pair<char32_t, phrase>> keyed;
    for (const auto& entry : *phrase_lexicon) {
      const std::string key = entry->Key();
      const std::string value = entry->GetDefault();
      const auto key_cps = code_points(key);
      if (key_cps.empty() || key.find_first_of("\r\n") != std::string::npos) continue;
      if (key_cps[0] < 0x80) ascii_has_entries = true;
      const bool aligned = char_starts(key) == char_starts(value) && key.size() == value.size();
      keyed.emplace_back(key_cps[0], phrase{store(key), store(value), aligned});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.key.size > b.second.key.size;
    });
    for (const auto& [first, p] : keyed) {
      if (phrase_groups.empty() || phrase_groups.back().first != first) {
        const auto at = static_cast<std::uint32_t>(phrases.size());
        phrase_groups.push_back({first, at, at, 0});
        entry_for_update(first) |= phrase_start;
      }
      phrases.push_back(p);
      phrase_groups.back().end = static_cast<std::uint32_t>(phrases.size());
      const auto cps = code_points(view(p.key));
      phrase_groups.back().seconds |= cps.size() < 2 ? ~std::uint64_t{0} : second_bit(cps[1]);
    }
    if (phrase_groups.size() < 0xFFFF) {
      for (std::size_t g = 0; g < phrase_groups.size(); ++g) {
        if (phrase_groups[g].first < 0x10000)
          bmp_group[phrase_groups[g].first] = static_cast<std::uint16_t>(g + 1);
      }
    } else {
      bmp_group.clear();  // more groups than an index holds: search them all
    }
    pool.append(pool_padding, '\0');
  }
};

// ------------------------------------------------------------------------- simplifier

simplifier::simplifier(const std::string& opencc_data_dir)
    : tables_(std::make_unique<tables>(opencc_data_dir.empty() ? std::string(PLANCMP_OPENCC_DATA_DIR)
                                                               : opencc_data_dir)) {}
simplifier::~simplifier() = default;
simplifier::simplifier(simplifier&&) noexcept = default;
simplifier& simplifier::operator=(simplifier&&) noexcept = default;

const simplifier& simplifier::shared() {
  // C++11 guarantees one initialization even under concurrent first calls; if loading
  // throws, the next call tries again.
  static const simplifier instance;
  return instance;
}

namespace {

/// The script of a text from the votes of its characters that exist in one script only.
/// Real simplified plans carry a few traditional-only characters (names, quoted titles,
/// scraping debris) and traditional ones a few simplified-only characters (Gansu's page
/// has 2 in 2,500), so the verdict goes to the clear majority; a text is "mixed" only
/// when the minority holds at least a fifth of the votes.
script script_verdict(std::size_t traditional, std::size_t simplified) noexcept {
  const std::size_t votes = traditional + simplified;
  if (votes == 0) return script::none;
  const std::size_t minority = std::min(traditional, simplified);
  if (minority * 5 >= votes) return script::mixed;
  return traditional > simplified ? script::traditional : script::simplified;
}

/// Writes the converted text into a buffer sized up front (growing only when a
/// replacement is longer than what it replaces) and keeps the offset map's breakpoints
/// minimal: one is recorded only where output and input stop advancing together. This
/// avoids std::string::append's bookkeeping on every replaced character, which in
/// traditional text is one character in three.
class converter_output {
 public:
  /// Slack kept past the write position so that short values can be copied with a
  /// fixed-size memcpy (see `tables::pool_padding`).
  static constexpr std::size_t slack = 8;

  converter_output(std::string& out, offset_map& map, std::string_view input)
      : out_(out), map_(map), input_(input.data()) {
    out_.resize(input.size() + input.size() / 32 + slack);
    write_ = out_.data();
    limit_ = out_.data() + out_.size() - slack;
    map_.add(0, 0);
  }

  /// Copies input [from, to) unchanged.
  void copy(const char* from, const char* to) { append(from, static_cast<std::size_t>(to - from)); }

  void append(const char* bytes, std::size_t size) {
    room(size);
    std::memcpy(write_, bytes, size);
    write_ += size;
  }
  void append(std::string_view bytes) { append(bytes.data(), bytes.size()); }

  /// Appends `size` ≤ 4 bytes from `bytes`, which must be readable for 4 bytes.
  void append_short(const char* bytes, std::size_t size) {
    room(4);
    std::memcpy(write_, bytes, 4);
    write_ += size;
  }

  /// Notes that the next output byte comes from input byte `source`.
  void mark(const char* source) {
    const auto derived = static_cast<std::size_t>(write_ - out_.data());
    const auto src = static_cast<std::size_t>(source - input_);
    const auto delta = static_cast<std::ptrdiff_t>(derived) - static_cast<std::ptrdiff_t>(src);
    if (delta != delta_) {
      map_.add(derived, src);
      delta_ = delta;
    }
  }

  /// Trims the buffer to what was written; returns its size.
  std::size_t finish() {
    const auto size = static_cast<std::size_t>(write_ - out_.data());
    out_.resize(size);
    return size;
  }

 private:
  void room(std::size_t size) {
    if (static_cast<std::size_t>(limit_ - write_) < size) grow(size);
  }
  void grow(std::size_t size) {
    const auto used = static_cast<std::size_t>(write_ - out_.data());
    out_.resize(std::max(out_.size() * 2, used + size + slack));
    write_ = out_.data() + used;
    limit_ = out_.data() + out_.size() - slack;
  }

  std::string& out_;
  offset_map& map_;
  const char* input_;
  char* write_ = nullptr;
  char* limit_ = nullptr;
  std::ptrdiff_t delta_ = 0;
};

}  // namespace

simplified_text simplifier::convert(std::string_view utf8) const {
  const tables& t = *tables_;
  simplified_text result;
  converter_output sink(result.text, result.offsets, utf8);

  const auto* const begin = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = begin + utf8.size();
  const auto* run = begin;  // start of the pending unchanged run
  const auto* p = begin;
  auto as_chars = [](const unsigned char* q) { return reinterpret_cast<const char*>(q); };
  std::size_t traditional = 0;  // votes for the source script, as in detect()
  std::size_t simplified = 0;

  while (p < end) {
    if (*p < 0x80 && !t.ascii_has_entries) {
      // ASCII never changes: skip it, eight bytes at a time where possible.
      ++p;
      while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if (word & 0x8080808080808080ULL) break;
        p += 8;
      }
      while (p < end && *p < 0x80) ++p;
      continue;
    }
    const decoded d = decode(p, end);
    const std::uint32_t e = t.entry(d.code_point);
    traditional += (e & tables::traditional_only) != 0;
    simplified += (e & tables::simplified_only) != 0;
    if ((e & (tables::replacement_mask | tables::phrase_start)) == 0) {
      p += d.length;
      continue;
    }
    if (e & tables::phrase_start) {
      const tables::phrase* match = nullptr;
      const auto* g = t.group_of(d.code_point);
      if (g != nullptr &&
          (g->seconds & tables::second_bit(p + d.length < end ? decode(p + d.length, end).code_point
                                                              : char32_t{0})) == 0) {
        g = nullptr;  // no key of the group goes on with the text's next character
      }
      if (g != nullptr) {
        const auto left = static_cast<std::size_t>(end - p);
        for (auto i = g->begin; i < g->end; ++i) {
          const auto& ph = t.phrases[i];
          if (ph.key.size <= left && std::memcmp(p, t.pool.data() + ph.key.offset, ph.key.size) == 0) {
            match = &ph;
            break;
          }
        }
      }
      if (match != nullptr) {
        sink.copy(as_chars(run), as_chars(p));
        const std::string_view key = t.view(match->key);
        const std::string_view value = t.view(match->value);
        if (match->aligned) {
          // Same bytes per character (all of OpenCC's phrases but one): one mark keeps
          // every character on its source character.
          sink.mark(as_chars(p));
          sink.append(value);
        } else {
          // Output character i comes from key character i; should the value have more
          // characters than the key, the extra ones come from the key's last character,
          // so the phrase as a whole still maps onto the phrase.
          const auto ks = char_starts(key);
          const auto vs = char_starts(value);
          for (std::size_t i = 0; i < vs.size(); ++i) {
            sink.mark(as_chars(p) + ks[std::min(i, ks.size() - 1)]);
            const std::size_t stop = i + 1 < vs.size() ? vs[i + 1] : value.size();
            sink.append(value.substr(vs[i], stop - vs[i]));
          }
        }
        // The phrase's other characters vote too, as they do in detect().
        for (const auto* q = p + d.length; q < p + key.size();) {
          const decoded inner = decode(q, end);
          const std::uint32_t ie = t.entry(inner.code_point);
          traditional += (ie & tables::traditional_only) != 0;
          simplified += (ie & tables::simplified_only) != 0;
          q += inner.length;
        }
        p += key.size();
        sink.mark(as_chars(p));
        run = p;
        continue;
      }
    }
    if (const std::uint32_t r = e & tables::replacement_mask; r != 0) {
      sink.copy(as_chars(run), as_chars(p));
      sink.mark(as_chars(p));
      const tables::slice value = t.replacements[r - 1];
      if (value.size <= 4) {
        sink.append_short(t.pool.data() + value.offset, value.size);
      } else {
        sink.append(t.view(value));
      }
      p += d.length;
      sink.mark(as_chars(p));
      run = p;
      continue;
    }
    p += d.length;
  }
  sink.copy(as_chars(run), as_chars(end));
  result.offsets.finish(sink.finish(), utf8.size());
  result.source_script = script_verdict(traditional, simplified);
  return result;
}

script simplifier::detect(std::string_view utf8) const {
  const tables& t = *tables_;
  std::size_t traditional = 0;
  std::size_t simplified = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* const end = p + utf8.size();
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const decoded d = decode(p, end);
    const std::uint32_t e = t.entry(d.code_point);
    traditional += (e & tables::traditional_only) != 0;
    simplified += (e & tables::simplified_only) != 0;
    p += d.length;
  }
  return script_verdict(traditional, simplified);
}

}  // namespace plancmp::inline v0::text
