// SPDX-License-Identifier: MIT
// The table model and its renderers: Markdown, CSV (formula injection), JSON, LaTeX and
// HTML escaping, cell notes and source links.
#include <plancmp/report/table.hpp>

#include <plancmp/error.hpp>

#include <doctest/doctest.h>

using namespace plancmp;
using namespace plancmp::report;

namespace {

table sample() {
  table t;
  t.caption = "覆盖 & <coverage>";
  t.columns = {"theme", "count", "share"};
  t.add_row({"保护", 12, cell(0.5)});
  t.add_row({"=HYPERLINK(\"x\")", -3, cell(-0.25)});
  t.notes = {"50% of measures_total"};
  return t;
}

}  // namespace

TEST_CASE("parse_table_format knows the six formats") {
  CHECK(parse_table_format("md") == table_format::markdown);
  CHECK(parse_table_format("csv") == table_format::csv);
  CHECK(parse_table_format("json") == table_format::json);
  CHECK(parse_table_format("latex") == table_format::latex);
  CHECK(parse_table_format("html") == table_format::html);
  CHECK(parse_table_format("xlsx") == table_format::xlsx);
  CHECK_THROWS_WITH_AS((void)parse_table_format("xls"),
                       "unknown table format 'xls'; use md, csv, json, latex, html or xlsx", usage_error);
}

TEST_CASE("column_key: snake_case for headers of ASCII words, names kept") {
  CHECK(column_key("similar plan") == "similar_plan");
  CHECK(column_key("passage in A") == "passage_in_a");
  CHECK(column_key("  F1 learned ") == "f1_learned");
  CHECK(column_key("followers (borrowed)") == "followers_borrowed");
  CHECK(column_key("b − a") == "b_a");                  // U+2212 is a separator, not a letter
  CHECK(column_key("indicator_key") == "indicator_key");  // a key is its own key
  CHECK(column_key("宁波市 2020") == "宁波市 2020");     // a plan label is a name
  CHECK(column_key("职能") == "职能");
  CHECK(column_key("#") == "#");  // nothing to keep: the header as written
  table t;
  t.columns = {"similar plan", "宁波市 2020"};
  t.add_row({"x", 1});
  CHECK(to_csv(t) == "similar_plan,宁波市 2020\r\nx,1\r\n");
  CHECK(to_json(t).find("\"columns\": [\n    \"similar_plan\",\n    \"宁波市 2020\"\n  ]") != std::string::npos);
  CHECK(to_markdown(t).find("similar plan") != std::string::npos);
}

TEST_CASE("CSV neutralizes formulas in text cells but not typed numbers") {
  table t;
  t.columns = {"a", "b", "c", "d", "e"};
  t.add_row({"=1+1", "+cmd", "-x", "@SUM(A1)", -3});
  t.add_row({"plain", cell(-1.5), "a=b", "\t=x", cell()});
  CHECK(to_csv(t) ==
        "a,b,c,d,e\r\n"
        "'=1+1,'+cmd,'-x,'@SUM(A1),-3\r\n"
        "plain,-1.50,a=b,'\t=x,\r\n");
}

TEST_CASE("CSV for Excel keeps text that Excel would turn into a date or number") {
  table t;
  t.columns = {"agency", "创造", "保护", "issued", "count"};
  t.add_row({"市场监管局", "1/8", "3-4", "2020-07-08", 7});
  t.add_row({"0012", "1e5", "12:30", "1/8 led", cell()});
  CHECK(to_csv(t, {.excel = true}) ==
        "\xEF\xBB\xBF"
        "agency,创造,保护,issued,count\r\n"
        "市场监管局,\"=\"\"1/8\"\"\",\"=\"\"3-4\"\"\",\"=\"\"2020-07-08\"\"\",7\r\n"
        "\"=\"\"0012\"\"\",\"=\"\"1e5\"\"\",\"=\"\"12:30\"\"\",1/8 led,\r\n");
  // Without --excel the fields are as they are (pandas keeps them as text).
  CHECK(to_csv(t) ==
        "agency,创造,保护,issued,count\r\n"
        "市场监管局,1/8,3-4,2020-07-08,7\r\n"
        "0012,1e5,12:30,1/8 led,\r\n");
}

TEST_CASE("HTML: an excerpt cell shows the excerpt with the whole text on demand") {
  table t;
  t.columns = {"evidence"};
  cell x = excerpt_cell("加强知识产权保护体系建设 <全文>", 10);
  x.source = "a.txt";
  x.where = span{3, 9};
  t.add_row({x});
  t.add_row({excerpt_cell("专利", 10)});
  const std::string html = to_html(t, {.link_sources = true, .id = {}});
  CHECK(html.find("<td><details><summary><a href=\"#" + source_anchor("a.txt", span{3, 9}) +
                  "\">加强知识…</a></summary>加强知识产权保护体系建设 &lt;全文&gt;</details></td>") != std::string::npos);
  CHECK(html.find("<td>专利</td>") != std::string::npos);
}

TEST_CASE("LaTeX: booktabs and every special escaped") {
  CHECK(latex_escape("# $ % & ~ _ ^ \\ { }") ==
        "\\# \\$ \\% \\& \\textasciitilde{} \\_ \\textasciicircum{} \\textbackslash{} \\{ \\}");
  const std::string out = to_latex(sample());
  CHECK(out.find("\\caption{覆盖 \\& <coverage>}") != std::string::npos);
  CHECK(out.find("\\begin{tabular}{lrr}") != std::string::npos);
  CHECK(out.find("\\toprule\ntheme & count & share \\\\\n\\midrule\n") != std::string::npos);
  CHECK(out.find("保护 & 12 & 0.50 \\\\\n") != std::string::npos);
  CHECK(out.find("=HYPERLINK(\"x\") & -3 & -0.25 \\\\\n\\bottomrule") != std::string::npos);
  CHECK(out.find("50\\% of measures\\_total") != std::string::npos);
}

TEST_CASE("HTML: escaped text, numeric cells, notes, source links") {
  table t = sample();
  cell linked("<script>alert(1)</script>");
  linked.source = "seeds/a.txt";
  linked.where = span{10, 20};
  linked.note = "a \"note\"";
  t.add_row({linked, 1, cell()});
  const std::string plain = to_html(t);
  CHECK(plain.find("<script>") == std::string::npos);
  CHECK(plain.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(plain.find("<caption>覆盖 &amp; &lt;coverage&gt;</caption>") != std::string::npos);
  CHECK(plain.find("<td class=\"num\">12</td>") != std::string::npos);
  CHECK(plain.find("title=\"a &quot;note&quot;\"") != std::string::npos);
  CHECK(plain.find("<a href") == std::string::npos);
  CHECK(plain.find("<tfoot><tr><td colspan=\"3\">50% of measures_total</td></tr></tfoot>") != std::string::npos);

  const std::string linked_html = to_html(t, {.link_sources = true, .id = "t1"});
  CHECK(linked_html.starts_with("<table id=\"t1\">"));
  const std::string anchor = source_anchor("seeds/a.txt", span{10, 20});
  CHECK(anchor.starts_with("src-"));
  CHECK(anchor.ends_with("-10-20"));
  CHECK(linked_html.find("<a href=\"#" + anchor + "\">&lt;script&gt;") != std::string::npos);
  CHECK(html_escape("a\x01" "b\xff") == "ab\xEF\xBF\xBD");
}

TEST_CASE("Cell notes: numbered in Markdown, kept in JSON") {
  table t;
  t.columns = {"x"};
  cell c(5);
  c.note = "estimated";
  t.add_row({c});
  const std::string md = to_markdown(t);
  CHECK(md.find("| 5 [1] |") != std::string::npos);
  CHECK(md.find("- [1] estimated\n") != std::string::npos);
  CHECK(to_json(t).find("\"note\": \"estimated\"") != std::string::npos);
}

TEST_CASE("excerpt: display columns counted with CJK as two, an ellipsis where cut") {
  CHECK(excerpt("加强知识产权保护体系建设", 10) == "加强知识…");            // 4 × 2 columns + …
  CHECK(excerpt("加强知识产权保护体系建设", 11) == "加强知识产…");          // 5 × 2 + 1 = 11
  CHECK(excerpt("加强知识产权保护体系建设", 9) == "加强知识…");             // 4 × 2 + 1 = 9
  CHECK(excerpt("加强知识产权保护", 16) == "加强知识产权保护");             // fits: unchanged
  CHECK(excerpt("ab 专利\n  商标", 60) == "ab 专利 商标");                   // white space folded
  CHECK(excerpt("abcdefghij", 5) == "abcd…");
  CHECK(display_width(excerpt(std::string(200, 'x') + "知识产权", 60)) == 60);
  CHECK(excerpt("甘肅省市場監管局負責", 9) == "甘肅省市…");                  // traditional script alike

  const cell cut = excerpt_cell("加强知识产权保护体系建设", 10);
  CHECK(cut.text() == "加强知识…");
  REQUIRE(cut.full);
  CHECK(*cut.full == "加强知识产权保护体系建设");
  CHECK(!excerpt_cell("专利", 10).full);

  // Markdown and LaTeX show the excerpt; CSV and JSON the whole text; HTML the excerpt
  // with the whole text on demand.
  table t;
  t.columns = {"evidence"};
  t.add_row({cut});
  CHECK(to_markdown(t).find("| 加强知识… |") != std::string::npos);
  CHECK(to_latex(t).find("加强知识…") != std::string::npos);
  CHECK(to_csv(t).find("加强知识产权保护体系建设") != std::string::npos);
  CHECK(to_json(t).find("\"加强知识产权保护体系建设\"") != std::string::npos);
  CHECK(to_html(t).find("<td><details><summary>加强知识…</summary>加强知识产权保护体系建设</details></td>") !=
        std::string::npos);
}
