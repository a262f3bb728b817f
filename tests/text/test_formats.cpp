// SPDX-License-Identifier: MIT
// HTML, PDF and DOCX inputs: fixtures built here (a plan page with an indicator table, a
// two-page PDF from a tiny PDF writer, a DOCX with a task table written with libzip),
// each parsed to the same measures as its plain-text equivalent.
#include <plancmp/error.hpp>
#include <plancmp/parse/fidelity.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/formats.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <zip.h>

#include "support/seeds.hpp"
#include "support/wrap.hpp"

#include <filesystem>
#include <fstream>

using namespace plancmp;

namespace {

// The plan body shared by every fixture, one line per entry.
const std::vector<std::string> plan_lines = {
    "测试市人民政府办公室关于印发测试市知识产权实施方案的通知",
    "测试市知识产权实施方案",
    "一、重点任务",
    "(一)加强专利创造。推进高价值专利培育。(市市场监督管理局牵头,市科技局按职责分工负责)",
    "(二)强化保护。建立快速维权中心。(市市场监督管理局负责)",
};

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

struct measure_key {
  std::string id, title;
  std::vector<std::string> lead, support;
  friend bool operator==(const measure_key&, const measure_key&) = default;
};

std::vector<measure_key> keys(const plan& p) {
  std::vector<measure_key> out;
  for (const auto& m : p.measures()) {
    measure_key k{m.id, m.title, {}, {}};
    for (const auto& a : m.lead) k.lead.push_back(a.name);
    for (const auto& a : m.support) k.support.push_back(a.name);
    out.push_back(std::move(k));
  }
  return out;
}

std::vector<measure_key> text_measures(const std::vector<std::string>& lines) {
  return keys(parse::parse_document(text::make_document(join_lines(lines), "plan.txt")));
}

// ------------------------------------------------------------------ a tiny PDF writer
std::string utf16_hex(const std::string& utf8) {
  std::string utf16 = text::encode(utf8, text::encoding::utf16be);
  if (utf16.starts_with("\xFE\xFF")) utf16.erase(0, 2);  // no byte-order mark inside a PDF string
  std::string hex;
  for (unsigned char c : utf16) hex += fmt::format("{:02X}", c);
  return hex;
}

/// A PDF with one page per entry of `pages`, each a list of lines, in a Type0 font whose
/// character ids are the UTF-16 code units and whose ToUnicode map says so.
std::string make_pdf(const std::vector<std::vector<std::string>>& pages) {
  std::vector<std::string> objects;  // object n is objects[n - 1]
  const std::size_t page_count = pages.size();
  // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 descriptor, 6 ToUnicode,
  // then page and content objects alternating.
  std::string kids;
  for (std::size_t i = 0; i < page_count; ++i) kids += fmt::format("{} 0 R ", 7 + 2 * i);
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, page_count));
  objects.push_back(
      "<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H "
      "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
  objects.push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) "
      "/Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 >>");
  objects.push_back(
      "<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 "
      "/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>");
  std::string cmap =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
      "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n";
  for (int block = 0; block < 256; block += 64) {
    cmap += "64 beginbfrange\n";
    for (int b = block; b < block + 64; ++b) cmap += fmt::format("<{0:02X}00> <{0:02X}FF> <{0:02X}00>\n", b);
    cmap += "endbfrange\n";
  }
  cmap += "endcmap CMapName currentdict /CMap defineresource pop end end\n";
  objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}endstream", cmap.size(), cmap));
  for (std::size_t i = 0; i < page_count; ++i) {
    objects.push_back(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1000 842] /Resources << /Font "
                                  "<< /F1 3 0 R >> >> /Contents {} 0 R >>",
                                  8 + 2 * i));
    std::string content = "BT /F1 10 Tf 20 800 Td 16 TL\n";
    for (const auto& line : pages[i]) content += fmt::format("<{}> Tj T*\n", utf16_hex(line));
    content += "ET\n";
    objects.push_back(fmt::format("<< /Length {} >>\nstream\n{}endstream", content.size(), content));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (auto o : offsets) pdf += fmt::format("{:010} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

// ------------------------------------------------------------------ a tiny DOCX writer
std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string docx_paragraph(const std::string& text) {
  return "<w:p><w:r><w:t>" + xml_escape(text) + "</w:t></w:r></w:p>";
}

std::string make_docx(const std::string& body_xml) {
  const std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      body_xml + "<w:sectPr/></w:body></w:document>";
  const std::string types =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
  const auto path = std::filesystem::temp_directory_path() / fmt::format("plancmp_test_{}.docx", ::getpid());
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  REQUIRE(z != nullptr);
  zip_file_add(z, "[Content_Types].xml", zip_source_buffer(z, types.data(), types.size(), 0), ZIP_FL_ENC_UTF_8);
  zip_file_add(z, "word/document.xml", zip_source_buffer(z, document.data(), document.size(), 0),
               ZIP_FL_ENC_UTF_8);
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::filesystem::remove(path);
  return bytes;
}

}  // namespace

TEST_CASE("detect_format") {
  CHECK(text::detect_format("%PDF-1.4\n") == text::input_format::pdf);
  CHECK(text::detect_format("<!DOCTYPE html><p>x") == text::input_format::html);
  CHECK(text::detect_format("一、总体要求", "a.htm") == text::input_format::html);
  CHECK(text::detect_format("一、总体要求", "a.txt") == text::input_format::text);
  CHECK(text::format_from_extension("dir/A.DOCX") == text::input_format::docx);
  CHECK_FALSE(text::format_from_extension("dir.x/readme").has_value());
}

TEST_CASE("HTML page: lines, tables as rows, entities, GBK, spans into the raw page") {
  const std::string page_utf8 =
      "<!DOCTYPE html><html><head><meta charset=\"gbk\"><title>网站标题</title>"
      "<style>p{color:red}</style><script>var x = '一、假标题';</script></head><body>"
      "<nav><a href=\"/\">首页</a> <a>政务公开</a></nav>\n"
      "<div class=\"content\"><p>" + plan_lines[0] + "</p>\n<h1>" + plan_lines[1] + "</h1>\n"
      "<p>" + plan_lines[2] + "</p>\n"
      "<p>(一)加强专利创造。推进高价值专利培育。(市市场监督管理局牵头,市科技局按职责分工负责)</p>\n"
      "<p>(二)强化保护。建立<b>快速</b>维权中心。(市市场监督管理局负责)</p>\n"
      "<table><tr><th>指标名称</th><th>2020年基期值</th><th>2025年目标值</th><th>责任单位</th></tr>\n"
      "<tr><td>每万人口发明专利拥有量(件)</td><td>3.5</td><td>6</td><td>市市场监督管理局&amp;市科技局</td></tr>"
      "</table></div></body></html>";
  const std::string page = text::encode(page_utf8, text::encoding::gb18030);
  const auto doc = text::make_any_document(page, "plan.html");
  CHECK(doc.format == "html");
  CHECK(doc.source_encoding == text::encoding::gb18030);
  CHECK(doc.original == page);
  CHECK(doc.printed.find("首页") == std::string::npos);
  CHECK(doc.printed.find("假标题") == std::string::npos);
  CHECK(doc.printed.find("网站标题") == std::string::npos);
  CHECK(doc.printed.find("建立快速维权中心") != std::string::npos);
  CHECK(doc.printed.find("指标名称\t2020年基期值\t2025年目标值\t责任单位\n") != std::string::npos);
  CHECK(doc.printed.find("\t市市场监督管理局&市科技局") != std::string::npos);
  // Spans point into the GBK bytes: a heading line maps to its bytes in the page.
  for (const auto& l : doc.lines) {
    if (doc.printed.substr(l.printed_begin, l.printed_end - l.printed_begin) != plan_lines[2]) continue;
    const auto raw = page.substr(l.source.begin, l.source.end - l.source.begin);
    CHECK(raw == text::encode(plan_lines[2], text::encoding::gb18030));
  }
  const plan parsed = parse::parse_document(doc);
  CHECK(keys(parsed) == text_measures(plan_lines));
  CHECK(parsed.measures().size() == 2);
  // The indicator table arrives as rows and reads like its flattened text form.
  auto flattened = plan_lines;
  for (const char* cell : {"指标名称", "2020年基期值", "2025年目标值", "责任单位", "每万人口发明专利拥有量(件)", "3.5", "6",
                           "市市场监督管理局&市科技局"}) {
    flattened.push_back(cell);
  }
  const plan from_text = parse::parse_document(text::make_document(join_lines(flattened), "plan.txt"));
  REQUIRE(parsed.tables().size() == 1);
  REQUIRE(from_text.tables().size() == 1);
  CHECK(parsed.tables()[0].columns == from_text.tables()[0].columns);
  CHECK(parsed.tables()[0].rows == from_text.tables()[0].rows);
  CHECK(parsed.targets().size() == from_text.targets().size());
  // A cell's span points at its bytes in the GBK page.
  const span cell = parsed.tables()[0].cell_spans[0][1];
  CHECK(page.substr(cell.begin, cell.end - cell.begin) == "3.5");
  const span entity_cell = parsed.tables()[0].cell_spans[0][3];
  CHECK(page.substr(entity_cell.begin, entity_cell.end - entity_cell.begin) ==
        text::encode("市市场监督管理局&amp;市科技局", text::encoding::gb18030));

  SUBCASE("every prefix of the page is a document or a decode_error") {
    for (std::size_t n = 0; n < page.size(); n += 7) {
      try {
        const auto d = text::make_any_document(page.substr(0, n), "cut.html", {}, text::input_format::html);
        for (const auto& l : d.lines) CHECK(l.source.end <= n);
      } catch (const decode_error&) {
      }
    }
  }
}

TEST_CASE("HTML: a page laid out in a table is read as blocks, its data table as rows") {
  std::string article;
  for (const auto& l : plan_lines) article += "<p>" + l + "</p>";
  const std::string page =
      "<html><body><table><tr><td><a>首页</a><br><a>政务公开</a><br><a>联系我们</a></td><td>" + article +
      "<table><tr><td>指标名称</td><td>2020年基期值</td><td>2025年目标值</td></tr>"
      "<tr><td><p>有效发明专利(件)</p></td><td>100</td><td>200</td></tr></table></td></tr></table></body></html>";
  const auto doc = text::make_any_document(page, "layout.html");
  CHECK(doc.printed.find(plan_lines[3] + "\n" + plan_lines[4] + "\n") != std::string::npos);
  CHECK(doc.printed.find("有效发明专利(件)\t100\t200\n") != std::string::npos);
  CHECK(keys(parse::parse_document(doc)) == text_measures(plan_lines));
}

TEST_CASE("PDF: a seed typeset 30 characters wide on numbered pages parses as the seed does") {
  // Ningbo's 2020 plan set as a PDF is: lines of one width, 40 to a page, each page closed
  // by its number. Through poppler the text layer rejoins the paragraphs and takes the
  // page numbers for page furniture, so the plan scores against its gold as the seed does.
  const std::string name = "000_edee8db098a98e76.txt";
  const std::string wrapped = test::hard_wrap(test::seed_bytes(name), 60);
  std::vector<std::vector<std::string>> pages(1);
  std::size_t start = 0;
  while (start <= wrapped.size()) {
    const std::size_t end = std::min(wrapped.find('\n', start), wrapped.size());
    std::string line = wrapped.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) pages.back().push_back(line);
    if (pages.back().size() == 40) {
      pages.back().push_back(fmt::format("{}", pages.size()));
      pages.emplace_back();
    }
    start = end + 1;
  }
  pages.back().push_back(fmt::format("{}", pages.size()));
  const std::string pdf = make_pdf(pages);
  const auto doc = text::make_any_document(pdf, "plan.pdf");
  CHECK(doc.unwrapped_breaks > 100);
  // Page numbers after a page's full last line are page furniture (one after a short last
  // line cannot be told from a table's cell and stays content); nothing else is.
  std::size_t page_numbers = 0;
  for (const auto& l : doc.lines) {
    if (l.noise.rule != "page_meta.page_number") continue;
    ++page_numbers;
    const auto t = doc.printed.substr(l.printed_begin, l.printed_end - l.printed_begin);
    CHECK(t.find_first_not_of("0123456789") == std::string::npos);
  }
  CHECK(page_numbers >= pages.size() / 2);
  const auto gold =
      parse::read_gold(test::test_data_dir() + "/gold/parse/seed-000_edee8db098a98e76.json");
  const auto f = parse::evaluate(parse::parse_document(doc), gold);
  CHECK(f.measure_precision() == 1.0);
  CHECK(f.measure_recall() == 1.0);
  CHECK(f.lead.rate() == 1.0);
  CHECK(f.support.rate() == 1.0);
  CHECK(f.deadline.rate() == 1.0);
  CHECK(f.target_recall() >= 0.95);
  CHECK(f.target_precision() >= 0.95);
}

TEST_CASE("PDF: two pages in reading order, page map, clear errors") {
  const std::string pdf = make_pdf({{plan_lines[0], plan_lines[1], plan_lines[2], plan_lines[3]}, {plan_lines[4]}});
  const auto doc = text::make_any_document(pdf, "plan.pdf");
  CHECK(doc.format == "pdf");
  REQUIRE(doc.page_starts.size() == 2);
  const auto second = doc.printed.find("(二)");
  REQUIRE(second != std::string::npos);
  CHECK(doc.page_at(second) == 2);
  CHECK(doc.page_at(doc.printed.find("(一)")) == 1);
  CHECK(keys(parse::parse_document(doc)) == text_measures(plan_lines));

  SUBCASE("a scan without a text layer") {
    CHECK_THROWS_WITH_AS(text::make_any_document(make_pdf({{}, {}}), "scan.pdf"),
                         doctest::Contains("scan.pdf: the PDF has 2 page(s) but no text layer"), parse_error);
  }
  SUBCASE("truncated PDFs are documents or parse_errors") {
    for (std::size_t n = 0; n < pdf.size(); n += 61) {
      try {
        (void)text::make_any_document(pdf.substr(0, n), "cut.pdf", {}, text::input_format::pdf);
      } catch (const parse_error&) {
      }
    }
  }
  SUBCASE("a corrupt PDF") {
    CHECK_THROWS_WITH_AS(text::make_any_document("%PDF-1.4\ngarbage", "bad.pdf"),
                         doctest::Contains("bad.pdf: not a readable PDF"), parse_error);
  }
}

TEST_CASE("DOCX: paragraphs, tables as rows, clear errors") {
  std::string body;
  for (const auto& l : plan_lines) body += docx_paragraph(l);
  const std::vector<std::vector<std::string>> task_table = {
      {"序号", "工作事项", "牵头单位", "配合单位"},
      {"1", "建设知识产权保护中心。推动专利快速审查。", "市市场监督管理局", "市科技局、市财政局"},
      {"2", "培育高价值专利", "市科技局", "市教育局"},
  };
  body += "<w:p><w:r><w:t>二、任务分工</w:t></w:r></w:p><w:tbl>";
  for (const auto& row : task_table) {
    body += "<w:tr>";
    for (const auto& cell : row) body += "<w:tc>" + docx_paragraph(cell) + "</w:tc>";
    body += "</w:tr>";
  }
  body += "</w:tbl>";
  const std::string docx = make_docx(body);
  const auto doc = text::make_any_document(docx, "plan.docx");
  CHECK(doc.format == "docx");
  CHECK(doc.printed.find("序号\t工作事项\t牵头单位\t配合单位\n") != std::string::npos);

  // The same plan as text, with the table flattened one cell per line and as tab-joined rows.
  auto flattened = plan_lines;
  auto tabbed = plan_lines;
  flattened.push_back("二、任务分工");
  tabbed.push_back("二、任务分工");
  for (const auto& row : task_table) {
    std::string line;
    for (const auto& cell : row) {
      flattened.push_back(cell);
      line += (line.empty() ? "" : "\t") + cell;
    }
    tabbed.push_back(line);
  }
  const plan parsed = parse::parse_document(doc);
  CHECK(keys(parsed) == text_measures(flattened));
  CHECK(keys(parsed) == text_measures(tabbed));
  REQUIRE(parsed.measures().size() == 4);
  const measure& task = parsed.measures()[2];
  CHECK(task.title == "建设知识产权保护中心");
  CHECK(task.id.ends_with("table1.1"));
  REQUIRE(task.lead.size() == 1);
  CHECK(task.lead[0].name == "市市场监督管理局");
  REQUIRE(task.support.size() == 2);
  CHECK(task.support[1].name == "市财政局");
  CHECK(doc.original.substr(task.support[1].where.begin, task.support[1].where.end - task.support[1].where.begin) ==
        "市财政局");

  SUBCASE("every prefix and a flipped byte of the zip are parse_errors, never crashes") {
    for (std::size_t n = 0; n < docx.size(); n += 13) {
      CHECK_THROWS_AS(text::make_any_document(docx.substr(0, n), "cut.docx", {}, text::input_format::docx),
                      parse_error);
    }
    std::string flipped = docx;
    flipped[flipped.find("word/document.xml") + 40] ^= 0x55;  // inside the compressed data
    CHECK_THROWS_AS(text::make_any_document(flipped, "flip.docx"), parse_error);
  }
  SUBCASE("a truncated zip") {
    CHECK_THROWS_WITH_AS(text::make_any_document(docx.substr(0, docx.size() / 2), "cut.docx"),
                         doctest::Contains("cut.docx: not a readable DOCX"), parse_error);
  }
}

namespace {

// An implementation plan whose annex assigns its measures in a task table with merged
// cells: the task's title spans its two rows, one lead spans two tasks, one deadline three.
const std::vector<std::string> merged_plan_body = {
    "某市推进数字经济发展实施方案",
    "为加快数字经济发展，制定本方案。",
    "一、主要任务",
    "（一）加强数字基础设施建设。推进5G基站建设，建设城市数据中心。",
    "（二）推动产业数字化转型。实施企业上云行动。",
    "附件：重点任务分工表",
    "附件",
    "重点任务分工表",
};

struct merged_cell {
  std::string text;
  int rows = 1;
  int columns = 1;
};
const std::vector<std::vector<merged_cell>> merged_task_table = {
    {{"序号"}, {"重点任务"}, {"具体工作"}, {"牵头单位"}, {"配合单位"}, {"完成时限"}},
    {{"1", 2},
     {"加强数字基础设施建设", 2},
     {"推进5G基站建设"},
     {"市工业和信息化局"},
     {"市发展改革委"},
     {"2025年底", 3}},
    {{"建设城市数据中心"}, {"市大数据局"}, {"市财政局"}},
    {{"2"}, {"推动产业数字化转型"}, {"实施企业上云行动"}, {"市工业和信息化局", 2}, {"市科技局"}},
    {{"3"}, {"发展数字服务业"}, {"培育平台企业"}, {"市商务局"}, {"2024年底"}},
};
// The rows as they read once every merged cell is expanded.
const std::vector<std::string> merged_task_rows = {
    "序号\t重点任务\t具体工作\t牵头单位\t配合单位\t完成时限",
    "1\t加强数字基础设施建设\t推进5G基站建设\t市工业和信息化局\t市发展改革委\t2025年底",
    "〃\t〃\t建设城市数据中心\t市大数据局\t市财政局\t〃",
    "2\t推动产业数字化转型\t实施企业上云行动\t市工业和信息化局\t市科技局\t〃",
    "3\t发展数字服务业\t培育平台企业\t〃\t市商务局\t2024年底",
};

void check_merged_task_plan(const plan& p, const std::string& original) {
  REQUIRE(p.measures().size() == 2);
  const measure& first = p.measures()[0];
  CHECK(first.id == "一.(一)");
  REQUIRE(first.lead.size() == 2);
  CHECK(first.lead[0].name == "市工业和信息化局");
  CHECK(first.lead[1].name == "市大数据局");
  REQUIRE(first.support.size() == 2);
  CHECK(first.support[1].name == "市财政局");
  REQUIRE(first.due);
  CHECK(first.due->due == date{2025, 12, 31});
  const measure& second = p.measures()[1];
  REQUIRE(second.lead.size() == 1);
  // The lead of a merged cell is traced to the bytes of the cell that prints it.
  CHECK(original.substr(second.lead[0].where.begin,
                        second.lead[0].where.end - second.lead[0].where.begin) == "市工业和信息化局");
  REQUIRE(second.due);
  CHECK(second.due->due == date{2025, 12, 31});
  REQUIRE(p.tables().size() == 1);
  const table_block& t = p.tables()[0];
  CHECK(t.parent == "附件");
  CHECK(t.columns ==
        std::vector<std::string>{"序号", "重点任务", "具体工作", "牵头单位", "配合单位", "完成时限"});
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[1] == std::vector<std::string>{"1", "加强数字基础设施建设", "建设城市数据中心",
                                              "市大数据局", "市财政局", "2025年底"});
  CHECK(t.rows[3][3] == "市工业和信息化局");
  CHECK(t.row_measures == std::vector<std::string>{"一.(一)", "一.(一)", "一.(二)", ""});
  const auto unlinked = std::count_if(p.diagnostics.begin(), p.diagnostics.end(),
                                      [](const diagnostic& d) { return d.code == "table.unlinked"; });
  CHECK(unlinked == 1);
}

}  // namespace

TEST_CASE("Merged cells: rowspan / colspan and vMerge / gridSpan keep each cell in its column") {
  SUBCASE("HTML") {
    std::string page = "<html><head><meta charset=\"utf-8\"></head><body>";
    for (const auto& l : merged_plan_body) page += "<p>" + l + "</p>";
    page += "<table border=\"1\">";
    for (const auto& row : merged_task_table) {
      page += "<tr>";
      for (const auto& c : row) {
        page += "<td";
        if (c.rows > 1) page += fmt::format(" rowspan=\"{}\"", c.rows);
        if (c.columns > 1) page += fmt::format(" colspan=\"{}\"", c.columns);
        page += ">" + c.text + "</td>";
      }
      page += "</tr>";
    }
    page += "</table></body></html>";
    const auto doc = text::make_any_document(page, "merged.html");
    for (const auto& row : merged_task_rows) CHECK(doc.printed.find(row + "\n") != std::string::npos);
    // A ditto mark stands for bytes printed above: it maps to none of its own.
    const std::size_t ditto = doc.printed.find("〃");
    REQUIRE(ditto != std::string::npos);
    for (const auto& l : doc.lines) {
      if (l.printed_begin != ditto) continue;
      CHECK(l.source.end >= l.source.begin);
    }
    check_merged_task_plan(parse::parse_document(doc), doc.original);
  }
  SUBCASE("DOCX") {
    std::string body;
    for (const auto& l : merged_plan_body) body += docx_paragraph(l);
    // Word writes a merged cell once with vMerge="restart" and once more, empty, per row below.
    std::vector<std::vector<std::string>> grid = {
        {"序号", "重点任务", "具体工作", "牵头单位", "配合单位", "完成时限"},
        {"1", "加强数字基础设施建设", "推进5G基站建设", "市工业和信息化局", "市发展改革委", "2025年底"},
        {"", "", "建设城市数据中心", "市大数据局", "市财政局", ""},
        {"2", "推动产业数字化转型", "实施企业上云行动", "市工业和信息化局", "市科技局", ""},
        {"3", "发展数字服务业", "培育平台企业", "", "市商务局", "2024年底"},
    };
    const std::vector<std::vector<int>> merge = {
        // 1: restart, 2: continue
        {0, 0, 0, 0, 0, 0}, {1, 1, 0, 0, 0, 1}, {2, 2, 0, 0, 0, 2},
        {0, 0, 0, 1, 0, 2}, {0, 0, 0, 2, 0, 0},
    };
    body += "<w:tbl>";
    for (std::size_t r = 0; r < grid.size(); ++r) {
      body += "<w:tr>";
      for (std::size_t c = 0; c < grid[r].size(); ++c) {
        body += "<w:tc>";
        if (merge[r][c] == 1) body += "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>";
        if (merge[r][c] == 2) body += "<w:tcPr><w:vMerge/></w:tcPr>";
        body += (grid[r][c].empty() ? "<w:p/>" : docx_paragraph(grid[r][c])) + "</w:tc>";
      }
      body += "</w:tr>";
    }
    body += "</w:tbl>";
    const auto doc = text::make_any_document(make_docx(body), "merged.docx");
    for (const auto& row : merged_task_rows) CHECK(doc.printed.find(row + "\n") != std::string::npos);
    check_merged_task_plan(parse::parse_document(doc), doc.original);
  }
  SUBCASE("a two-row header over a colspan, no header words, rows of recipients") {
    const std::string page =
        "<html><body><p>关于扩大内地班招生规模的意见</p><p>一、扩大招生规模</p>"
        "<p>（一）扩大招生。到1998年招生规模达到2000人。</p><p>（二）加强管理。</p>"
        "<p>扩大招生计划表</p><p>单位：人</p><table>"
        "<tr><td rowspan=\"2\">省（市）</td><td rowspan=\"2\">1995年招生人数</td>"
        "<td colspan=\"3\">分年度招生任务</td></tr>"
        "<tr><td>1996年</td><td>1997年</td><td>1998年</td></tr>"
        "<tr><td>总计</td><td>1445</td><td>1600</td><td>1800</td><td>2000</td></tr>"
        "<tr><td>江苏</td><td>100</td><td>120</td><td>140</td><td>200</td></tr>"
        "</table></body></html>";
    const auto doc = text::make_any_document(page, "quota.html");
    CHECK(doc.printed.find(
              "省(市)\t1995年招生人数\t分年度招生任务\t\t\n〃\t〃\t1996年\t1997年\t1998年\n") !=
          std::string::npos);
    const plan p = parse::parse_document(doc);
    REQUIRE(p.tables().size() == 1);
    CHECK(p.tables()[0].caption == "扩大招生计划表 单位:人");
    CHECK(p.tables()[0].columns ==
          std::vector<std::string>{"省(市)", "1995年招生人数", "1996年", "1997年", "1998年"});
    CHECK(p.tables()[0].rows.size() == 2);
    // Quotas allocated to provinces are not the plan's own targets; the prose target is.
    REQUIRE(p.targets().size() == 1);
    CHECK(p.targets()[0].value == doctest::Approx(2000));
    CHECK(p.measures().back().text == "加强管理。");  // the caption above the table is not its text
  }
}

TEST_CASE("Merged cells: hostile spans stay bounded") {
  // Every cell spanning 65534 rows and 1000 columns, or 300 rows 30 times a row: the text
  // grows by a bounded number of cells, and the parse finishes.
  for (const std::string cell :
       {"<td rowspan=\"65534\" colspan=\"1000\">x</td>", "<td rowspan=\"300\">x</td>"}) {
    std::string page = "<html><body><p>一、任务</p><p>（一）甲。</p><p>（二）乙。</p><table>";
    for (int r = 0; r < 400; ++r) {
      page += "<tr>";
      for (int c = 0; c < 30; ++c) page += cell;
      page += "</tr>";
    }
    page += "</table></body></html>";
    const auto doc = text::make_any_document(page, "spans.html");
    CHECK(doc.printed.size() < 4 * page.size());
    const plan p = parse::parse_document(doc);
    CHECK(p.measures().size() >= 2);
  }
}

TEST_CASE("Task tables: printed 同上, and a notice whose body is only the table") {
  std::vector<std::string> lines = {"关于印发2025年数字经济重点工作任务分工的通知",
                                    "各区人民政府，市政府各部门：",
                                    "现将2025年数字经济重点工作任务分工印发给你们，请认真贯彻落实。",
                                    "序号",
                                    "工作任务",
                                    "牵头单位",
                                    "完成时限"};
  for (const auto& cell : {"1", "推进5G基站建设", "市工业和信息化局", "2025年6月底", "2",
                           "建设城市数据中心", "同上", "2025年12月底"})
    lines.push_back(cell);
  const plan p = parse::parse_document(text::make_document(join_lines(lines), "tasks.txt"));
  REQUIRE(p.measures().size() == 2);
  CHECK(p.measures()[0].title == "推进5G基站建设");
  REQUIRE(p.measures()[1].lead.size() == 1);
  CHECK(p.measures()[1].lead[0].name == "市工业和信息化局");
  REQUIRE(p.measures()[1].due);
  CHECK(p.measures()[1].due->due == date{2025, 12, 31});
}
