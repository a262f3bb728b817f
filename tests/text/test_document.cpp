// SPDX-License-Identifier: MIT
#include <plancmp/error.hpp>
#include <plancmp/text/document.hpp>
#include <plancmp/text/normalize.hpp>

#include <plancmp/text/detail/utf8.hpp>

#include <doctest/doctest.h>

#include "support/seeds.hpp"
#include "support/wrap.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

using namespace plancmp::text;
using plancmp::span;

namespace {

/// Length of the UTF-8 character starting with byte `lead`.
std::size_t utf8_length(char lead) {
  return plancmp::text::detail::sequence_length(static_cast<unsigned char>(lead));
}

/// Offsets at which the characters of `s` start, followed by `s.size()`.
std::vector<std::size_t> char_starts(std::string_view s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); i += utf8_length(s[i])) starts.push_back(i);
  starts.push_back(s.size());
  return starts;
}

std::string_view slice(std::string_view s, std::size_t begin, std::size_t end) {
  return s.substr(begin, end - begin);
}

/// The seeds hold no whitespace but ASCII space, tab and NBSP (a space once normalized).
std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The original bytes of `where`, decoded and normalized on their own.
std::string reread(const document& doc, span where) {
  const encoding e = doc.source_encoding == encoding::utf8_bom ? encoding::utf8 : doc.source_encoding;
  const std::string_view bytes = slice(doc.original, where.begin, where.end);
  return normalize(decode(bytes, "", e).utf8).text;
}

/// Physical lines of `bytes` read as UTF-8: LF, CRLF and lone CR each end one line.
std::size_t count_lines(std::string_view bytes) {
  std::size_t lines = 0;
  bool open = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || bytes[i] == '\r') {
      ++lines;
      open = false;
      if (bytes[i] == '\r' && i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      open = true;
    }
  }
  return lines + (open ? 1 : 0);
}

/// Every map of `doc` is exact: each character of `printed` re-reads from its original
/// bytes, each character of `simplified` lands on original character boundaries through
/// the composed map exactly as through the two maps in turn, and every line re-reads.
void check_maps(const document& doc) {
  REQUIRE(doc.printed_to_original.derived_size() == doc.printed.size());
  REQUIRE(doc.printed_to_original.source_size() == doc.original.size());
  REQUIRE(doc.simplified_to_original.derived_size() == doc.simplified.size());
  REQUIRE(doc.simplified_to_printed.source_size() == doc.printed.size());

  std::vector<bool> original_boundary(doc.original.size() + 1, false);
  original_boundary[doc.original.size()] = true;
  const std::vector<std::size_t> printed = char_starts(doc.printed);
  std::size_t wrong_printed = 0;
  for (std::size_t k = 0; k + 1 < printed.size(); ++k) {
    const span where = doc.source_of_printed(printed[k], printed[k + 1]);
    REQUIRE(where.begin <= where.end);
    REQUIRE(where.end <= doc.original.size());
    original_boundary[where.begin] = true;
    if (reread(doc, where) != slice(doc.printed, printed[k], printed[k + 1])) {
      if (++wrong_printed <= 3) {
        MESSAGE("printed character at " << printed[k] << " does not re-read from bytes [" << where.begin
                                        << ", " << where.end << ")");
      }
    }
  }
  CHECK(wrong_printed == 0);

  const std::vector<std::size_t> simplified = char_starts(doc.simplified);
  std::size_t wrong_simplified = 0;
  for (std::size_t k = 0; k + 1 < simplified.size(); ++k) {
    const std::size_t b = simplified[k];
    const std::size_t e = simplified[k + 1];
    const span where = doc.source_of_simplified(b, e);
    const span chained = doc.source_of_printed(doc.simplified_to_printed.to_source(b),
                                               doc.simplified_to_printed.to_source(e));
    if (where != chained || !original_boundary[where.begin] || !original_boundary[where.end]) {
      if (++wrong_simplified <= 3) {
        MESSAGE("simplified character at " << b << " maps to [" << where.begin << ", " << where.end
                                           << "), through printed to [" << chained.begin << ", "
                                           << chained.end << ")");
      }
    }
  }
  CHECK(wrong_simplified == 0);

  const simplifier& converter = simplifier::shared();
  const noise_classifier& classifier = noise_classifier::builtin();
  std::size_t printed_next = 0;
  std::size_t simplified_next = 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    const line& l = doc.lines[i];
    CAPTURE(l.number);
    CHECK(l.number == i + 1);
    CHECK(l.printed_begin == printed_next);
    CHECK(l.simplified_begin == simplified_next);
    const std::string_view printed_line = slice(doc.printed, l.printed_begin, l.printed_end);
    const std::string_view simplified_line =
        slice(doc.simplified, l.simplified_begin, l.simplified_end);
    CHECK(printed_line.find('\n') == std::string_view::npos);
    CHECK(simplified_line.find('\n') == std::string_view::npos);
    if (i + 1 < doc.lines.size()) {
      CHECK(doc.printed[l.printed_end] == '\n');
      CHECK(doc.simplified[l.simplified_end] == '\n');
    }
    // The source span holds the line and not its line break.
    CHECK(l.source == doc.source_of_printed(l.printed_begin, l.printed_end));
    CHECK(reread(doc, l.source) == printed_line);
    CHECK(converter.convert(printed_line).text == simplified_line);
    CHECK(l.blank == trim_spaces(printed_line).empty());
    if (l.blank) {
      CHECK(l.noise.kind == noise_kind::none);
    } else {
      CHECK(l.noise.kind == classifier.classify(trim_spaces(simplified_line)).kind);
    }
    printed_next = l.printed_end + 1;
    simplified_next = l.simplified_end + 1;
  }
}

/// Each line of `d` as printed.
std::vector<std::string> printed_lines(const document& d) {
  std::vector<std::string> out;
  for (const auto& l : d.lines)
    out.emplace_back(d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin));
  return out;
}

}  // namespace

TEST_CASE("document: each seed read from disk, with exact maps for every character") {
  for (const auto& name : plancmp::test::seed_names()) {
    CAPTURE(name);
    const std::string path = plancmp::test::seed_path(name);
    const document doc = read_document(path);
    CHECK(doc.path == path);
    CHECK(doc.original == plancmp::test::seed_bytes(name));
    CHECK(doc.source_encoding == encoding::utf8);
    CHECK(doc.source_script ==
          (name == plancmp::test::gansu ? script::traditional : script::simplified));
    CHECK(doc.lines.size() == count_lines(doc.original));
    // The seeds only need their NBSPs replaced.
    CHECK(doc.printed.find("\xC2\xA0") == std::string::npos);
    check_maps(doc);
  }
}

TEST_CASE("document: the seeds re-encoded or with CRLF line breaks read the same") {
  for (const auto& name : plancmp::test::seed_names()) {
    const std::string utf8 = plancmp::test::seed_bytes(name);
    const document reference = make_document(utf8, name);
    std::string crlf;
    for (char c : utf8) {
      if (c == '\n') crlf += '\r';
      crlf += c;
    }
    const std::vector<std::pair<std::string, std::string>> variants = {
        {"gb18030", encode(utf8, encoding::gb18030)},
        {"utf-16le", encode(utf8, encoding::utf16le)},
        {"utf-16be without BOM", encode(utf8, encoding::utf16be).substr(2)},
        {"utf-8-bom", encode(utf8, encoding::utf8_bom)},
        {"crlf", crlf}};
    for (const auto& entry : variants) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
      const auto& label = std::get<0>(entry);
      const auto& bytes = std::get<1>(entry);
      CAPTURE(name);
      CAPTURE(label);
      const document doc = make_document(bytes, name);
      CHECK(doc.printed == reference.printed);
      CHECK(doc.simplified == reference.simplified);
      CHECK(doc.source_script == reference.source_script);
      REQUIRE(doc.lines.size() == reference.lines.size());
      for (std::size_t i = 0; i < doc.lines.size(); ++i) {
        CHECK(doc.lines[i].printed_begin == reference.lines[i].printed_begin);
        CHECK(doc.lines[i].blank == reference.lines[i].blank);
        CHECK(doc.lines[i].noise.kind == reference.lines[i].noise.kind);
      }
      check_maps(doc);
    }
  }
}

TEST_CASE("document: Gansu's agencies in simplified script lead back to the printed name") {
  const document doc = read_document(plancmp::test::seed_path(plancmp::test::gansu));
  const std::string simplified_name = "省市场监管局负责";
  const std::string printed_name = "省市場監管局負責";
  const std::size_t at = doc.simplified.find(simplified_name);
  REQUIRE(at != std::string::npos);
  const std::size_t end = at + simplified_name.size();
  CHECK(doc.printed_of_simplified(at, end) == printed_name);
  const span where = doc.source_of_simplified(at, end);
  CHECK(slice(doc.original, where.begin, where.end) == printed_name);
  CHECK(doc.printed.find(simplified_name) == std::string::npos);
}

TEST_CASE("document: lines, blank lines and line numbers of a small file") {
  const std::string bytes =
      "第一行\n"
      "  \n"
      "\xC2\xA0\xE3\x80\x80\t\n"
      "（二）第四行\r\n"
      "\r\n"
      "第六行\r"
      "七";
  const document doc = make_document(bytes, "small.txt");
  CHECK(doc.path == "small.txt");
  CHECK(doc.printed == "第一行\n  \n  \t\n(二)第四行\n\n第六行\n七");
  REQUIRE(doc.lines.size() == 7);
  const std::vector<bool> blank = {false, true, true, false, true, false, false};
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    CAPTURE(i);
    CHECK(doc.lines[i].number == i + 1);
    CHECK(doc.lines[i].blank == blank[i]);
    CHECK(doc.lines[i].is_content() == (!blank[i] && !doc.lines[i].noise));
  }
  const auto source_text = [&](std::size_t i) {
    return slice(doc.original, doc.lines[i].source.begin, doc.lines[i].source.end);
  };
  CHECK(source_text(0) == "第一行");
  CHECK(source_text(2) == "\xC2\xA0\xE3\x80\x80\t");
  CHECK(source_text(3) == "（二）第四行");  // without its CRLF
  CHECK(source_text(4).empty());
  CHECK(doc.lines[4].source.begin == bytes.find("\r\n\r\n") + 2);
  CHECK(source_text(5) == "第六行");
  CHECK(source_text(6) == "七");

  // The printed "(" of line 4 comes from the three bytes of "（".
  const std::size_t paren = doc.printed.find('(');
  CHECK(doc.source_of_printed(paren, paren + 1) == span{bytes.find("（"), bytes.find("（") + 3});
  CHECK(doc.noise_line_count() ==
        static_cast<std::size_t>(std::count_if(doc.lines.begin(), doc.lines.end(),
                                               [](const line& l) { return bool(l.noise); })));

  // Every original byte of a line (and its line break) belongs to that line.
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    CAPTURE(i);
    const std::uint64_t next = i + 1 < doc.lines.size() ? doc.lines[i + 1].source.begin : bytes.size();
    for (std::uint64_t b = doc.lines[i].source.begin; b < next; ++b) CHECK(doc.line_number_at(b) == i + 1);
  }
  CHECK(doc.line_number_at(bytes.size() + 10) == 7);
  CHECK(make_document("").line_number_at(0) == 0);

  SUBCASE("a final line break does not open an empty line") {
    CHECK(make_document("a\nb\n").lines.size() == 2);
    CHECK(make_document("a\nb\r\n").lines.size() == 2);
    CHECK(make_document("\n").lines.size() == 1);
    CHECK(make_document("a").lines.size() == 1);
  }
  SUBCASE("other Unicode spaces and zero-width characters make a line blank too") {
    const document d =
        make_document("x\n\xE2\x80\x83\xE2\x80\x8B\xEF\xBB\xBF \n\xE2\x80\x8Bx\xE2\x80\x8B\n");
    REQUIRE(d.lines.size() == 3);
    CHECK_FALSE(d.lines[0].blank);
    CHECK(d.lines[1].blank);
    CHECK_FALSE(d.lines[2].blank);
  }
}

TEST_CASE("document: hard-wrapped paragraphs are rejoined, every byte still traceable") {
  // Four paragraphs set 20 characters wide, as a PDF's text layer gives them: a heading, a
  // paragraph with a number broken by the width, a page number between the two halves of
  // a paragraph, a numbered item after a line that ends at the full width.
  const std::string para1 =
      "到2025年，全市知识产权贯标企业总数达到650家，国家知识产权优势企业达到150家，"
      "知识产权质押融资金额年均增长20%以上，知识产权服务业营业收入突破100亿元。";
  const std::string para2 =
      "加快建设知识产权保护中心，推动建立快速协同保护机制，完善知识产权纠纷多元化解决"
      "机制，健全知识产权信用监管体系，加大侵权行为惩治力度，营造良好营商环境。";
  const std::string para3 =
      "1.完善知识产权政策体系。研究制定知识产权强市建设若干政策措施，加大对高价值专利"
      "培育的支持力度，建立健全知识产权评议制度。（市市场监管局牵头，市财政局配合）";
  const std::string para4 =
      "2.强化知识产权运用。推动专利转化运用，支持企业开展专利导航，培育一批知识产权运营"
      "机构，发展知识产权服务业。（市市场监管局牵头，市科技局、市财政局配合）";
  std::string wrapped = "一、发展目标\n" + plancmp::test::hard_wrap(para1, 40) + "\n二、重点任务\n" +
                        plancmp::test::hard_wrap(para2, 40) + "\n" +
                        plancmp::test::hard_wrap(para3, 40) + "\n" +
                        plancmp::test::hard_wrap(para4, 40) + "\n";
  // A page number inside paragraph 2, after its second line.
  const std::size_t second_break = wrapped.find('\n', wrapped.find('\n', wrapped.find("加快建设")) + 1);
  wrapped.insert(second_break + 1, "- 3 -\n");
  const document doc = make_document(wrapped, "wrapped.txt");
  CHECK(doc.wrap_width == 40);
  CHECK(doc.unwrapped_breaks > 10);
  const auto content = printed_lines(doc);
  // Normalization makes the full-width commas ASCII; the paragraphs are whole again, except
  // where the page number stands between the halves of paragraph 2.
  const auto printed_of = [](const std::string& s) { return normalize(s).text; };
  REQUIRE(content.size() == 8);
  CHECK(content[0] == "一、发展目标");
  CHECK(content[1] == printed_of(para1));
  CHECK(content[2] == "二、重点任务");
  CHECK(printed_of(para2).starts_with(content[3]));
  CHECK(content[4] == "- 3 -");
  CHECK(printed_of(para2).ends_with(content[5]));
  CHECK(content[6] == printed_of(para3));
  CHECK(content[7] == printed_of(para4));
  // Line numbers stay physical: each paragraph keeps the number of the line it starts on.
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    CAPTURE(i);
    const auto at = static_cast<std::size_t>(doc.lines[i].source.begin);
    CHECK(doc.lines[i].number ==
          1 + std::count(wrapped.begin(), wrapped.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  }
  // Every character still maps to its own bytes: 650 is printed as one number, and its
  // span covers the line break between 6 and 50.
  const std::size_t n650 = doc.printed.find("650家");
  REQUIRE(n650 != std::string::npos);
  const span where = doc.source_of_printed(n650, n650 + 3);
  const std::string original = wrapped.substr(where.begin, where.size());
  CHECK((original == "650" || original == "6\n50" || original == "65\n0"));
  for (std::size_t i = 0; i < doc.printed.size(); i += utf8_length(doc.printed[i])) {
    const std::size_t n = utf8_length(doc.printed[i]);
    const span s = doc.source_of_printed(i, i + n);
    const std::string src = wrapped.substr(s.begin, s.size());
    if (src.find('\n') == std::string::npos) CHECK(normalize(src).text == doc.printed.substr(i, n));
  }
  // The simplified view has the same lines.
  CHECK(std::count(doc.simplified.begin(), doc.simplified.end(), '\n') ==
        std::count(doc.printed.begin(), doc.printed.end(), '\n'));

  SUBCASE("page numbers: a run of them after full lines is page furniture, a lone one is not") {
    // One number alone (the - 3 - above) may be a table's cell: it stays content.
    CHECK_FALSE(doc.lines[4].noise);
    // A second page, numbered 4, inside paragraph 3: both are noise now.
    std::string two = wrapped;
    const std::size_t in3 = two.find('\n', two.find("1.完善")) + 1;
    two.insert(in3, "- 4 -\n");
    const document d = make_document(two, "wrapped.txt");
    std::size_t numbers = 0;
    for (const auto& l : d.lines) {
      const auto t = d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
      if (t == "- 3 -" || t == "- 4 -") {
        ++numbers;
        CHECK(l.noise.kind == noise_kind::page_meta);
        CHECK(l.noise.rule == "page_meta.page_number");
      }
    }
    CHECK(numbers == 2);
  }
  SUBCASE("page numbers after a paragraph's last line count when they stand a page apart") {
    // The pages broke after whole paragraphs: short lines before each number. Numbers a
    // page apart (5 and 6, many lines between) are page furniture; a table's row numbers,
    // one cell per line, a few lines apart, are not.
    std::string paged;
    for (int page = 5; page <= 6; ++page) {
      for (int k = 0; k < 3; ++k) paged += plancmp::test::hard_wrap(para2, 40) + "\n";
      paged += std::to_string(page) + "\n";
    }
    paged += "序号\n工作事项\n牵头单位\n";
    for (int row = 1; row <= 3; ++row)
      paged += std::to_string(row) + "\n建设保护中心。\n市市场监管局\n";
    const document d = make_document(paged, "paged.txt");
    REQUIRE(d.wrap_width == 40);
    std::size_t pages = 0, rows = 0;
    for (const auto& l : d.lines) {
      const auto t = d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
      if (t == "5" || t == "6") {
        ++pages;
        CHECK(l.noise.kind == noise_kind::page_meta);
      } else if (t == "1" || t == "2" || t == "3") {
        ++rows;
        CHECK_FALSE(l.noise);
      }
    }
    CHECK(pages == 2);
    CHECK(rows == 3);
  }
  SUBCASE("a paragraph the extraction glued to a line's end starts a line of its own") {
    // A box's last line and the body's next line run together, a space after the 。: a
    // heading, then a topic paragraph that goes on over the next line.
    const std::string box_line = "开发基于信息模型和标准接口的可复用数据集成技术。";
    const std::string heading = "（二）深化推广应用，开拓转型升级新路径。";
    const std::string topic =
        "推进中小企业数字化转型。加快实施中小企业数字化促进工程，推广数字化产品。";
    // Glued lines are wider than the page: a few among many (wrap_max_wider).
    std::string body;
    for (int k = 0; k < 3; ++k)
      body += plancmp::test::hard_wrap(para2, 40) + "\n" + plancmp::test::hard_wrap(para1, 40) + "\n";
    const std::string glued = body + box_line + " " + heading + "\n" + body + box_line + " " +
                              plancmp::test::hard_wrap(topic + para2, 40) + "\n";
    const document d = make_document(glued, "glued.txt");
    REQUIRE(d.wrap_width == 40);
    const std::vector<std::string> lines = printed_lines(d);
    CHECK(std::count(lines.begin(), lines.end(), normalize(box_line).text) == 2);
    CHECK(std::count(lines.begin(), lines.end(), normalize(heading).text) == 1);
    CHECK(std::count(lines.begin(), lines.end(), normalize(topic + para2).text) == 1);
    // The break stands where the space was: every character still maps to its bytes.
    const std::size_t at = d.printed.find(normalize(heading).text);
    REQUIRE(at != std::string::npos);
    CHECK(glued.substr(d.source_of_printed(at - 1, at).begin, 1) == " ");
    CHECK(glued.substr(d.source_of_printed(at, at + 3).begin, 3) == "（");
    // Without the space a numbered heading is still seen where the line is wider than the
    // page (two lines ran together), a run-in title is not; a number after a sentence
    // inside a line of the page's width is no glue either.
    std::string tight = glued;
    for (std::size_t k = tight.find("。 "); k != std::string::npos; k = tight.find("。 ", k))
      tight.erase(k + 3, 1);
    const std::string items = "建设平台。2.加强标准研制。";
    const std::string group = "（三）技术装备推广工程";
    tight += body + items + "\n" + body + "建设平台。" + group + "\n" + body;
    const document t = make_document(tight, "tight.txt");
    REQUIRE(t.wrap_width == 40);
    const std::vector<std::string> tight_lines = printed_lines(t);
    CHECK(std::count(tight_lines.begin(), tight_lines.end(), normalize(heading).text) == 1);
    CHECK(std::count(tight_lines.begin(), tight_lines.end(), normalize(topic + para2).text) == 0);
    CHECK(std::count(tight_lines.begin(), tight_lines.end(), normalize(items).text) == 1);
    // A heading that is a title ending a line short of the width was glued there too.
    CHECK(std::count(tight_lines.begin(), tight_lines.end(), normalize(group).text) == 1);
    CHECK(std::count(tight_lines.begin(), tight_lines.end(), normalize("建设平台。").text) == 1);
  }
  SUBCASE("keep_line_breaks: read_options::unwrap off") {
    read_options o;
    o.unwrap = false;
    const document kept = make_document(wrapped, "wrapped.txt", o);
    CHECK(kept.unwrapped_breaks == 0);
    CHECK(kept.lines.size() ==
          static_cast<std::size_t>(std::count(wrapped.begin(), wrapped.end(), '\n')));
  }
  SUBCASE("a paragraph per line, as most plans are written, is left alone: the seeds") {
    for (const auto& name : plancmp::test::seed_names()) {
      CAPTURE(name);
      const document d = make_document(plancmp::test::seed_bytes(name), name);
      CHECK(d.unwrapped_breaks == 0);
      CHECK(d.wrap_width == 0);
    }
  }
  SUBCASE("a sentence ending at the full width goes on, unless a run-in title or a title follows") {
    // Each paragraph's first sentence fills its first line exactly (20 characters, 。 last);
    // the paragraphs are marked by neither indents nor blank lines.
    const std::string first = "建立快速协同保护机制并完善纠纷化解机制。";
    const std::string paragraph = first + para2;
    REQUIRE(plancmp::test::hard_wrap(paragraph, 40).starts_with(first + "\n"));
    std::string text;
    for (int k = 0; k < 6; ++k) text += plancmp::test::hard_wrap(paragraph, 40) + "\n";
    const document d = make_document(text, "goes-on.txt");
    REQUIRE(d.wrap_width >= 40);
    REQUIRE(d.lines.size() == 6);
    for (const auto& l : d.lines)
      CHECK(d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin) ==
            normalize(paragraph).text);
    // A topic paragraph opening with its run-in title, or a box's title, starts after it.
    const std::string topic = "加强知识产权保护。" + para2;
    const std::array<std::string, 6> box_titles{"专栏1 知识产权强市建设工程",
                                                "专栏2 运营工程",
                                                "专栏3 高价值专利培育工程项目",
                                                "专栏4 保护工程",
                                                "专栏5 人才工程",
                                                "专栏6 品牌与地理标志工程"};
    std::string apart;
    for (const auto& box : box_titles) {
      apart += first + "\n" + plancmp::test::hard_wrap(topic, 40) + "\n" + first + "\n" + box + "\n";
    }
    const document da = make_document(apart, "apart.txt");
    REQUIRE(da.wrap_width >= 40);
    std::size_t topics = 0, boxes = 0;
    for (const auto& l : da.lines) {
      const auto t = da.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
      topics += t == normalize(topic).text;
      boxes += std::count(box_titles.begin(), box_titles.end(), std::string(t));
    }
    CHECK(topics == 6);
    CHECK(boxes == 6);
    std::string indented;
    for (int k = 0; k < 6; ++k)
      indented += "\xE3\x80\x80\xE3\x80\x80" + plancmp::test::hard_wrap(para2, 40) + "\n";
    const document di = make_document(indented, "indented.txt");
    CHECK(di.lines.size() == 6);  // each paragraph whole: its indent starts it
  }
  SUBCASE("a prose line stopping mid-word short of the width goes on; a title does not") {
    // The layout set the first line narrower than the page (wide dashes, digits set wide):
    // it holds a sentence's end and stops after a Han character, mid-word.
    const std::string head = "——转型升级成效显著。70%的规模以上制造业企业基本";
    const std::string tail = "实现数字化网络化，建成示范工厂。";
    std::string text;
    for (int k = 0; k < 6; ++k)
      text += plancmp::test::hard_wrap(para1 + para2, 60) + "\n" + head + "\n" + tail + "\n";
    text += "二、重点任务\n（一）发展路径和目标\n" + tail + "\n";
    const document d = make_document(text, "narrow.txt");
    REQUIRE(d.wrap_width == 60);
    std::size_t joined = 0, titles = 0;
    for (const auto& l : d.lines) {
      const auto t = d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
      joined += t == normalize(head + tail).text;
      titles += t == normalize("（一）发展路径和目标").text;
    }
    CHECK(joined == 6);
    CHECK(titles == 1);  // a heading stops without a sentence in it: it stays a line
  }
  SUBCASE("a document number or a date alone never continues the line above") {
    std::string text;
    for (int k = 0; k < 6; ++k) text += plancmp::test::hard_wrap(para1 + para2, 40) + "\n";
    // A notice title exactly at the width, then its 文号 and a date line.
    const std::string title = "某市人民政府办公室关于印发实施方案的通知";
    REQUIRE(plancmp::test::hard_wrap(title, 40) == title);  // 20 characters: the full width
    const document d =
        make_document(title + "\n某政办发〔2023〕15号\n2023年6月12日\n" + text, "cover.txt");
    REQUIRE(d.wrap_width >= 40);
    std::size_t alone = 0;
    for (const auto& l : d.lines) {
      const auto t = d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
      alone += t == "某政办发〔2023〕15号" || t == "2023年6月12日";
    }
    CHECK(alone == 2);
  }
  SUBCASE("where blank lines part the paragraphs, a line break without one only wraps") {
    // The paragraph's second sentence is short, like a run-in title: the blank lines decide.
    const std::string first = "建立快速协同保护机制并完善纠纷化解机制。";
    const std::string paragraph = first + "加强协同。" + para2;
    REQUIRE(plancmp::test::hard_wrap(paragraph, 40).starts_with(first + "\n"));
    std::string spaced;
    for (int k = 0; k < 6; ++k) spaced += plancmp::test::hard_wrap(paragraph, 40) + "\n\n";
    const document d = make_document(spaced, "spaced.txt");
    CHECK(d.wrap_width >= 40);
    std::size_t whole = 0;
    for (const auto& l : d.lines) {
      if (l.blank) continue;
      CHECK(d.printed.substr(l.printed_begin, l.printed_end - l.printed_begin) ==
            normalize(paragraph).text);
      ++whole;
    }
    CHECK(whole == 6);
    // Without the blank lines the short second sentence reads as a topic paragraph's title.
    std::string tight;
    for (int k = 0; k < 6; ++k) tight += plancmp::test::hard_wrap(paragraph, 40) + "\n";
    CHECK(make_document(tight, "tight.txt").lines.size() == 12);
  }
}

TEST_CASE("document: rejoining never loses, reorders or invents a byte (random hard-wrapped texts)") {
  // The seeds' paragraphs set at random widths, with random indents, page numbers, blank
  // lines and CRLF line ends: what the text layer prints is the normalized text with only
  // line breaks and the spaces around them left out, every line's span lies in order in
  // the file, and its number is the physical line where it starts.
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  const auto next = [&](std::uint64_t n) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state % n;
  };
  std::size_t wrapped_documents = 0;
  for (int round = 0; round < 60; ++round) {
    const auto& names = plancmp::test::seed_names();
    const std::string seed = plancmp::test::seed_bytes(names[next(names.size())]);
    const std::size_t from = next(seed.size() / 2);
    std::string text = seed.substr(from, 2000 + next(6000));
    while (!text.empty() && (static_cast<unsigned char>(text.front()) & 0xC0) == 0x80) text.erase(0, 1);
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    while (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
    std::string file;
    std::size_t page = 1;
    for (const auto& raw_line : [&] {
           std::vector<std::string> out;
           std::size_t b = 0;
           const std::string w = plancmp::test::hard_wrap(text, 24 + next(100));
           for (std::size_t e = w.find('\n'); b <= w.size(); e = w.find('\n', b)) {
             if (e == std::string::npos) e = w.size();
             out.push_back(w.substr(b, e - b));
             b = e + 1;
           }
           return out;
         }()) {
      std::string line = raw_line;
      if (next(8) == 0) line = "\xE3\x80\x80\xE3\x80\x80" + line;
      file += line + (next(10) == 0 ? "\r\n" : "\n");
      if (next(25) == 0) file += std::to_string(page++) + "\n";
      if (next(30) == 0) file += "\n";
    }
    CAPTURE(round);
    const document doc = make_document(file, "random.txt");
    wrapped_documents += doc.unwrapped_breaks > 0;
    // printed is normalize(file) with only white space (line breaks among it) left out.
    const std::string all = normalize(file).text;
    std::size_t j = 0;
    bool subsequence = true;
    for (std::size_t i = 0; i < doc.printed.size() && subsequence; ++i) {
      while (j < all.size() && all[j] != doc.printed[i]) {
        if (all[j] != '\n' && all[j] != ' ' && all[j] != '\t') subsequence = false;
        ++j;
      }
      if (j == all.size()) subsequence = false;
      ++j;
    }
    CHECK(subsequence);
    CHECK(std::count(all.begin(), all.end(), '\n') -
              std::count(doc.printed.begin(), doc.printed.end(), '\n') ==
          static_cast<std::ptrdiff_t>(doc.unwrapped_breaks));
    std::uint64_t last_end = 0;
    std::uint32_t last_number = 0;
    for (const auto& l : doc.lines) {
      CHECK(l.source.begin >= last_end);
      CHECK(l.source.end <= file.size());
      CHECK(l.number >= last_number);
      CHECK(l.number == 1 + std::count(file.begin(),
                                       file.begin() + static_cast<std::ptrdiff_t>(l.source.begin),
                                       '\n'));
      last_end = l.source.end;
      last_number = l.number;
    }
  }
  CHECK(wrapped_documents >= 30);  // most rounds are read as hard-wrapped
}

TEST_CASE("document: empty input") {
  const document doc = make_document("");
  CHECK(doc.path == "<bytes>");
  CHECK(doc.printed.empty());
  CHECK(doc.simplified.empty());
  CHECK(doc.lines.empty());
  CHECK(doc.source_encoding == encoding::utf8);
  CHECK(doc.source_of_printed(0, 0) == span{0, 0});
  CHECK(doc.noise_line_count() == 0);
}

TEST_CASE("document: span helpers stay inside the text for odd arguments") {
  const document doc = make_document("省市場監管局牽頭");
  const std::size_t size = doc.simplified.size();
  CHECK(doc.printed_of_simplified(0, size) == "省市場監管局牽頭");
  CHECK(doc.printed_of_simplified(size, size).empty());
  CHECK(doc.printed_of_simplified(3, 0).empty());  // end before begin: an empty range
  CHECK(doc.source_of_simplified(0, size + 10) == span{0, doc.original.size()});
}

TEST_CASE("document: noise verdicts") {
  const document doc = read_document(plancmp::test::seed_path(plancmp::test::district));
  // Near its end the page carries the site's QR-code prompt.
  const auto qr = std::find_if(doc.lines.begin(), doc.lines.end(), [&](const line& l) {
    return slice(doc.printed, l.printed_begin, l.printed_end) == "扫一扫在手机上查看当前页面";
  });
  REQUIRE(qr != doc.lines.end());
  CHECK(qr->number == 87);
  CHECK(qr->noise.kind == noise_kind::share);
  CHECK_FALSE(qr->is_content());
  CHECK(doc.noise_line_count() >= 1);
  CHECK(doc.noise_line_count() < doc.lines.size() / 2);
}

TEST_CASE("document: the caller's noise rules replace the built-in ones") {
  const noise_classifier mine(R"({
    "schema": "plancmp.noise/1",
    "rules": [{"id": "navigation.test_menu", "kind": "navigation", "match": "whole_line",
               "phrases": ["栏目导航"]}]
  })",
                              "mine.json");
  read_options options;
  options.noise = &mine;
  const std::string bytes = "\xC2\xA0栏目导航 \n一、总体要求\n扫一扫在手机上查看当前页面";
  const document doc = make_document(bytes, "page.txt", options);
  REQUIRE(doc.lines.size() == 3);
  CHECK(doc.lines[0].noise.kind == noise_kind::navigation);  // trimmed before classifying
  CHECK(doc.lines[0].noise.rule == "navigation.test_menu");
  CHECK(doc.lines[1].is_content());
  CHECK_FALSE(doc.lines[2].noise);  // a built-in rule, not in these rules
  CHECK(doc.noise_line_count() == 1);
  CHECK(make_document(bytes, "page.txt").lines[2].noise.kind == noise_kind::share);
}

TEST_CASE("document: errors name the file") {
  read_options small;
  small.max_input_bytes = 10;
  CHECK_THROWS_WITH_AS((void)make_document(std::string(11, 'a'), "big.txt", small),
                       "big.txt: file is larger than the input limit of 10 bytes; raise the limit "
                       "(--max-input-size, read_options::max_input_bytes) if this is intended",
                       plancmp::usage_error);
  CHECK_NOTHROW((void)make_document(std::string(10, 'a'), "fits.txt", small));
  const std::string seed = plancmp::test::seed_path(plancmp::test::gansu);
  CHECK_THROWS_WITH_AS((void)read_document(seed, small),
                       (seed + ": file is larger than the input limit of 10 bytes; raise the limit "
                               "(--max-input-size, read_options::max_input_bytes) if this is intended")
                           .c_str(),
                       plancmp::usage_error);
  CHECK_THROWS_AS((void)read_document(plancmp::test::seeds_dir() + "/no-such-plan.txt"),
                  plancmp::io_error);
  CHECK_THROWS_WITH_AS((void)make_document("abc\xD6", "cut.txt", {encoding::gb18030}),
                       "cut.txt: byte 3: truncated GB18030 byte sequence at end of file; the file "
                       "is cut short or not in the declared encoding (gb18030) — convert it to "
                       "UTF-8 or name its encoding (--encoding, read_options::declared_encoding)",
                       plancmp::decode_error);
}

TEST_CASE("document: a declared encoding skips detection") {
  // Two GBK characters whose bytes also happen to be well-formed UTF-8.
  const std::string bytes = "\xD6\xAA\xCA\xB6";
  CHECK(make_document(bytes, "x", {encoding::gb18030}).printed == "知识");
  CHECK(make_document(bytes, "x", {encoding::utf8}).source_encoding == encoding::utf8);
}
