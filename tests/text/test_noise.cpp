// SPDX-License-Identifier: MIT
#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/text/noise.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/seeds.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

using namespace plancmp::text;
using plancmp::schema_error;

namespace {

// The minimal normalization classify() expects, done here so that this test does not
// depend on normalize.cpp: full-width ASCII forms U+FF01–U+FF5E to ASCII, NBSP and the
// ideographic space to a space. Everything else passes through.
std::string fold_width(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out += ' ';
      i += 2;
    } else if (b0 == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") {
      out += ' ';
      i += 3;
    } else if (b0 == 0xEF && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      const char32_t cp = (char32_t{0x0F} << 12) | (char32_t(b1 & 0x3F) << 6) | char32_t(b2 & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out += static_cast<char>(cp - 0xFEE0);
      } else {
        out.append(s.substr(i, 3));
      }
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// Lines as the document reader numbers them: split on '\n'; a last line without '\n'
// counts, an empty piece after a final '\n' does not.
std::vector<std::string_view> split_lines(std::string_view bytes) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < bytes.size()) {
    const std::size_t end = std::min(bytes.find('\n', begin), bytes.size());
    lines.push_back(bytes.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::map<int, std::string> noise_lines(const std::string& seed, const noise_classifier& n) {
  const std::string bytes = plancmp::test::seed_bytes(seed);
  std::map<int, std::string> out;
  int number = 0;
  for (const std::string_view line : split_lines(bytes)) {
    ++number;
    if (const noise_verdict v = n.classify(fold_width(line)))
      out[number] = std::string(to_string(v.kind));
  }
  return out;
}

std::string kind_of(std::string_view line) {
  return std::string(to_string(noise_classifier::builtin().classify(line).kind));
}

std::string rule_of(std::string_view line) {
  return std::string(noise_classifier::builtin().classify(line).rule);
}

// A small rule file for tests of the format itself.
constexpr std::string_view sample_rules = R"({
  "schema": "plancmp.noise/1",
  "short_line_max_chars": 10,
  "separators": "[]|",
  "rules": [
    {"id": "ad.spam", "kind": "advertisement", "match": "anywhere", "phrases": ["spam"]},
    {"id": "meta.source", "kind": "page_meta", "match": "short_line", "phrases": ["来源:"]},
    {"id": "footer.source", "kind": "footer", "match": "short_line", "phrases": ["来源"]},
    {"id": "meta.editor", "kind": "page_meta", "match": "line_start", "phrases": ["编辑", "责任编辑:"]},
    {"id": "nav.menu", "kind": "navigation", "match": "whole_line", "max_chars": 20, "phrases": ["首页", "回到顶部"]},
    {"id": "dl.controls", "kind": "download", "match": "whole_line", "phrases": ["下载", "首页下载"]},
    {"id": "contact.phone", "kind": "contact", "match": "shape", "shape": "phone_number", "max_chars": 20}
  ]
})";

}  // namespace

TEST_CASE("noise: the seed plans' noise lines, exactly") {
  const std::string expected_json =
      plancmp::read_file(plancmp::test::test_data_dir() + "/noise_expected.json");
  const auto expected = nlohmann::json::parse(expected_json).at("seeds");
  REQUIRE(expected.size() == plancmp::test::seed_names().size());
  for (const std::string& seed : plancmp::test::seed_names()) {
    SUBCASE(seed.c_str()) {
      std::map<int, std::string> want;
      for (const auto& [line, kind] : expected.at(seed).items())
        want[std::stoi(line)] = kind.get<std::string>();
      const std::map<int, std::string> got = noise_lines(seed, noise_classifier::builtin());
      const std::string bytes = plancmp::test::seed_bytes(seed);
      const auto lines = split_lines(bytes);
      // One check per disagreeing line, naming the line, so a failure reads as a diff.
      for (const auto& entry : got) {  // no binding: CAPTURE/INFO take it into a lambda (clang 14)
        const auto& number = std::get<0>(entry);
        const auto& kind = std::get<1>(entry);
        INFO(seed << ":" << number << " " << lines[static_cast<std::size_t>(number - 1)]);
        CHECK(want.count(number) == 1);
        if (want.count(number) == 1) CHECK(want.at(number) == kind);
      }
      for (const auto& entry : want) {
        const int number = entry.first;
        INFO(seed << ":" << number << " " << lines[static_cast<std::size_t>(number - 1)]);
        CHECK(got.count(number) == 1);
      }
      CHECK(got == want);
    }
  }
}

TEST_CASE("noise: seed noise lines, with the rule that fires") {
  // Raw seed lines (NBSP and all); the rule ids are part of the data file's contract.
  CHECK(rule_of("2020-07-10 阅读量:208 来源:机智网") == "page_meta.publication");
  CHECK(rule_of("发布日期:2022-11-07  10:42:00 来源:政府公报 浏览次数: 字体:[ ]") ==
        "page_meta.publication");
  CHECK(rule_of("發布日期:2020-06-16 閱讀:930 來源:甘肅省市場監督管理局") == "page_meta.publication");
  CHECK(rule_of("发布日期:2020-06-16 阅读:930 来源:甘肃省市场监督管理局") == "page_meta.publication");
  CHECK(rule_of("发布时间:2024-07-12 17:23 来源:果博东方(中国)官方网站 市场监督管理局") ==
        "page_meta.publication");
  CHECK(rule_of("第二期") == "page_meta.issue_label");
  CHECK(rule_of("您当前的位置:") == "navigation.location");
  CHECK(rule_of("企业入驻") == "navigation.menu");
  CHECK(rule_of("意见反馈") == "navigation.menu");
  CHECK(rule_of("回到顶部") == "navigation.menu");
  CHECK(rule_of("精确检索") == "navigation.menu");
  CHECK(rule_of("开始检索") == "navigation.menu");
  CHECK(rule_of("0574-88212221") == "contact.phone_number");
  CHECK(rule_of("客服微信") == "contact.customer_service");
  CHECK(rule_of("加盟电话:152-6623-5191") == "advertisement.franchise");
  CHECK(rule_of("欧美激欧美啪啪片sm") == "advertisement.spam");
  CHECK(rule_of("扫一扫在手机上查看当前页面") == "share.scan_qr");
  CHECK(rule_of("下载") == "download.controls");
  CHECK(rule_of("友情链接:各果博东方(中国)官方网站网站链接") == "footer.site");
  CHECK(rule_of("Produced By 大汉网络 大汉版通发布系统") == "footer.site");
  CHECK(rule_of("来源:宁波市人民政府官网") == "footer.source_site");
}

TEST_CASE("noise: typical lines of other government sites") {
  CHECK(kind_of("首页 > 政务公开 > 政策文件") == "navigation");
  CHECK(kind_of("首页>政务公开>政策文件>"
                "衡水市人民政府办公室关于印发衡水市“十四五”知识产权保护和运用实施方案的通知") ==
        "navigation");
  CHECK(kind_of("当前位置:首页 > 政策法规") == "navigation");
  CHECK(kind_of("上一篇 下一篇") == "navigation");
  CHECK(kind_of("网站首页 | 政务公开 | 互动交流 | 办事服务") == "navigation");
  CHECK(kind_of("http://www.hengshui.gov.cn/art/2022/5/6/art_1_2.html") == "navigation");
  CHECK(kind_of("www.gov.cn") == "navigation");
  CHECK(kind_of("【打印】【关闭】") == "download");
  CHECK(kind_of("[打印本页] [关闭窗口]") == "download");
  CHECK(kind_of("打印") == "download");
  CHECK(kind_of("关闭") == "download");
  CHECK(kind_of("附件下载:衡水市知识产权专项资金管理办法.doc") == "download");
  CHECK(kind_of("分享到:") == "share");
  CHECK(kind_of("分享到: 微信 微博 QQ空间") == "share");
  CHECK(kind_of("版权所有:衡水市人民政府办公室 地址:衡水市人民东路 邮编:053000") == "footer");
  CHECK(kind_of("版权所有 © 2020 宁波市人民政府") == "footer");
  CHECK(kind_of("冀ICP备05001456号") == "footer");
  CHECK(kind_of("冀公网安备 13110202000001号") == "footer");
  CHECK(kind_of("网站标识码:1311000001 主办单位:衡水市人民政府办公室") == "footer");
  CHECK(kind_of("PRODUCED BY 大汉网络") == "footer");  // ASCII case is folded
  CHECK(kind_of("【字体:大 中 小】") == "page_meta");
  CHECK(kind_of("责任编辑:张三") == "page_meta");
  CHECK(kind_of("【来源:新华网】") == "footer");
  CHECK(kind_of("京ICP证030173号") == "footer");
  CHECK(kind_of("Copyright © 2020 宁波市人民政府 All Rights Reserved") == "footer");
  CHECK(kind_of("手机扫一扫") == "share");
  CHECK(kind_of("2022年第3期") == "page_meta");
  CHECK(kind_of("第12期") == "page_meta");
  CHECK(kind_of("第二期(总第45期)") == "page_meta");
  CHECK(kind_of("0311-87801234") == "contact");
  CHECK(kind_of("152 6623 5191") == "contact");
  CHECK(kind_of("400-123-4567") == "contact");
  CHECK(kind_of("(0574)88212221") == "contact");
  CHECK(kind_of("+86 574 8821 2221") == "contact");
  CHECK(kind_of("0574-88212221 / 0574-88212222") == "contact");
  CHECK(kind_of("service@example.gov.cn") == "contact");
  CHECK(kind_of("百家乐 真人娱乐 注册就送") == "advertisement");
  // Surrounding white space (ASCII, NBSP, ideographic space) does not matter.
  CHECK(kind_of("  下载\t") == "download");
  CHECK(kind_of("\xC2\xA0回到顶部\xE3\x80\x80") == "navigation");
}

TEST_CASE("noise: plan and notice lines are content") {
  const std::vector<std::string_view> content = {
      // menu words inside sentences and headings
      "加强知识产权下载平台建设。",
      "(五)下载平台建设",
      "(三)推广扫一扫溯源查询",
      "消费者扫一扫即可查询产品信息。",
      "依法保护版权所有人的合法权益。",
      "开展专项整治,严厉打击网络赌博和淫秽色情信息。",
      "建立知识产权纠纷检索平台,实现快速检索",
      "专栏2 强化知识产权保护工程",
      "1.设立知识产权运营基金。",
      "附件1",
      "附件:1.宁波市知识产权运营服务体系建设资金使用方案",
      // cover notices: feedback channels, issuing office, dates, document numbers
      "1、电子邮箱:1261257881@qq.com;",
      "2、传真:89382659;",
      "4、联系电话:89382659;联系人:秦燚;",
      "反馈建议和意见时间:2020年7月8日至2020年7月23日。",
      "宁波市市场监督管理局",
      "2020年7月8日",
      "(征求意见稿)",
      "衡政办字〔2022〕27号",
      "知戰辦發2020〕3號",
      "各成员单位:",
      "(甘肅省市場監督管理局代章)",
      "         2020年6月4",
      // the district name overwritten by spam inside real lines
      "果博东方(中国)官方网站 知识产权工作领导",
      "小组办公室",
      "6.将知识产权创造、保护和运用指标纳入《果博东方(中国)官方网站 优化营商环境工作考核办法》,"
      "促进指标牵头部门完善知识产权保护评价体系,以评促优,全面提升知识产权保护能效。(区发改局;持续推进)",
      // indicator and funding tables, one cell per line
      "指标名称",
      "2020年基期值",
      "责任单位",
      "0.56",
      "1.17",
      "2",
      "38",
      "5200",
      "-",
      "36000",
      "市法院",
      "7000万元",
      "2.3亿元",
      "合计",
      "资金来源",
      "资金来源:中央财政",
      // words of spam and footers inside prose
      "加大对六合彩、老虎机等非法赌博活动的打击力度。",
      "依托中国版权保护中心(Copyright Protection Center of China)开展作品登记服务。",
      "指导互联网企业依法办理ICP证。",
      "消费者用手机扫一扫即可查询产品来源。",
      "第一年",
      "第三年",
      "阶段",
      "时间",
      // numbers that are not phone numbers
      "2025",
      "2020-2025",
      "2020-07-10",
      "1200000",
      "12315",
      "20202025",
      // blank lines are blank, not noise
      "",
      "   ",
      "\xC2\xA0\xC2\xA0",
  };
  for (const std::string_view line : content) {
    INFO(line);
    CHECK(kind_of(line) == "none");
    CHECK(rule_of(line).empty());
  }
}

TEST_CASE("noise: a long sentence is content unless an anywhere phrase occurs in it") {
  std::string sentence;
  for (int i = 0; i < 40; ++i) sentence += "加强知识产权保护,";
  CHECK_FALSE(noise_classifier::builtin().classify(sentence + "下载。"));
  CHECK_FALSE(noise_classifier::builtin().classify("回到顶部" + sentence));
  CHECK(kind_of(sentence + "浏览次数:12") == "page_meta");
}

TEST_CASE("noise: to_string names every kind") {
  CHECK(to_string(noise_kind::none) == "none");
  CHECK(to_string(noise_kind::navigation) == "navigation");
  CHECK(to_string(noise_kind::page_meta) == "page_meta");
  CHECK(to_string(noise_kind::share) == "share");
  CHECK(to_string(noise_kind::contact) == "contact");
  CHECK(to_string(noise_kind::advertisement) == "advertisement");
  CHECK(to_string(noise_kind::footer) == "footer");
  CHECK(to_string(noise_kind::download) == "download");
}

TEST_CASE("noise: rule semantics of a custom rule file") {
  const noise_classifier n(sample_rules, "sample.json");
  SUBCASE("anywhere: any length") {
    CHECK(n.classify("a very long line that goes on and on with spam in it").rule == "ad.spam");
  }
  SUBCASE("short_line: up to short_line_max_chars code points, and not a sentence") {
    CHECK(n.classify("来源:本站").rule == "meta.source");
    CHECK(n.classify("来源:一二三四五六七").rule == "meta.source");  // 10 code points
    CHECK_FALSE(n.classify("来源:一二三四五六七八"));                // 11
    CHECK_FALSE(n.classify("来源:本站。"));                          // a sentence
  }
  SUBCASE("the first rule in file order wins") {
    CHECK(n.classify("来源:本站 spam").rule == "ad.spam");
    CHECK(n.classify("资金来源").rule == "footer.source");
    CHECK(n.classify("来源:x").rule == "meta.source");
  }
  SUBCASE("line_start: the line begins with the phrase, after opening separators") {
    CHECK(n.classify("编辑:张三").rule == "meta.editor");
    CHECK(n.classify("[责任编辑:张三]").rule == "meta.editor");
    CHECK_FALSE(n.classify("总编辑:张三"));
    CHECK_FALSE(n.classify("编辑:一二三四五六七八"));  // 11 code points
  }
  SUBCASE("whole_line: only phrases and separators, at least one phrase") {
    CHECK(n.classify("首页 | 回到顶部").rule == "nav.menu");
    CHECK(n.classify("[下载]").rule == "dl.controls");
    CHECK(n.classify("首页 下载").rule == "nav.menu");    // phrases of two rules: the earlier rule
    CHECK(n.classify("首页下载").rule == "dl.controls");  // leftmost-longest: one phrase of dl
    // A rule's own max_chars may exceed short_line_max_chars: 20 code points pass, 21 do not.
    CHECK(n.classify("首页 首页 首页 首页 首页 首页 首页").rule == "nav.menu");
    CHECK_FALSE(n.classify("首页 首页 首页 首页 首页 首页 首页|"));
    CHECK_FALSE(n.classify("首页 x"));
    CHECK_FALSE(n.classify("|||"));
  }
  SUBCASE("shape") {
    CHECK(n.classify("0574-88212221").rule == "contact.phone");
    CHECK_FALSE(n.classify("2020-2025"));
  }
}

TEST_CASE("noise: malformed rule files name the file and the JSON path") {
  auto rules_with = [](std::string_view rule) {
    return std::string(R"({"schema": "plancmp.noise/1", "rules": [)") + std::string(rule) + "]}";
  };
  CHECK_THROWS_WITH_AS(noise_classifier("{\"schema\": ", "mine.json"),
                       doctest::Contains("mine.json: byte 11: malformed JSON"), schema_error);
  CHECK_THROWS_WITH_AS(noise_classifier("[]", "mine.json"),
                       "mine.json: /: expected a JSON object with \"schema\" and \"rules\"",
                       schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(R"({"schema": "plancmp.noise/2", "rules": []})", "mine.json"),
      "mine.json: /schema: unsupported schema \"plancmp.noise/2\"; this version of plancmp "
      "reads \"plancmp.noise/1\"",
      schema_error);
  CHECK_THROWS_WITH_AS(noise_classifier(R"({"schema": "plancmp.noise/1", "rulez": []})", "mine.json"),
                       doctest::Contains("mine.json: /rulez: unknown key \"rulez\""), schema_error);
  CHECK_THROWS_WITH_AS(noise_classifier(R"({"schema": "plancmp.noise/1"})", "mine.json"),
                       "mine.json: /: missing required key \"rules\"; add it", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "menu", "match": "anywhere", "phrases": ["x"]})"),
          "mine.json"),
      "mine.json: /rules/0/kind: unknown kind \"menu\"; use one of navigation, page_meta, share, "
      "contact, "
      "advertisement, footer, download",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": ["x"]},
                                     {"id": "b", "kind": "share", "match": "everywhere", "phrases": ["y"]})"),
          "mine.json"),
      "mine.json: /rules/1/match: unknown match \"everywhere\"; use one of anywhere, short_line, "
      "line_start, whole_line, shape",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": ["x", ""]})"),
          "mine.json"),
      "mine.json: /rules/0/phrases/1: empty phrase; remove it", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": ["x", 3]})"),
          "mine.json"),
      "mine.json: /rules/0/phrases/1: expected a string, found number; write it in quotes",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": ["x", "x"]})"),
          "mine.json"),
      "mine.json: /rules/0/phrases/1: duplicate phrase \"x\" in this rule; remove one", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": []})"),
          "mine.json"),
      "mine.json: /rules/0/phrases: expected a non-empty array of phrases", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrases": ["x"]},
                                     {"id": "a", "kind": "share", "match": "anywhere", "phrases": ["y"]})"),
          "mine.json"),
      "mine.json: /rules/1/id: duplicate rule id \"a\"; rule ids must be unique", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "max_chars": 5,
                                      "phrases": ["x"]})"),
                       "mine.json"),
      "mine.json: /rules/0/max_chars: \"anywhere\" rules apply to lines of any length; remove "
      "max_chars",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "contact", "match": "shape", "shape": "fax"})"),
          "mine.json"),
      "mine.json: /rules/0/shape: unknown shape \"fax\"; use one of phone_number, email_address, "
      "web_address, issue_label, breadcrumb",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(rules_with(R"({"id": "a", "kind": "contact", "match": "shape"})"), "mine.json"),
      "mine.json: /rules/0: missing required key \"shape\"; add it", schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(rules_with(R"({"id": "a", "kind": "share", "match": "short_line", "max_chars": 0,
                                      "phrases": ["x"]})"),
                       "mine.json"),
      "mine.json: /rules/0/max_chars: expected a positive integer (at most 100000), found 0",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(
          rules_with(R"({"id": "a", "kind": "share", "match": "anywhere", "phrase": ["x"]})"),
          "mine.json"),
      "mine.json: /rules/0/phrase: unknown key \"phrase\"; known keys here: id, kind, match, phrases, "
      "shape, "
      "max_chars, note",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(R"({"schema": "plancmp.noise/1", "separators": "【】", "rules": [
                              {"id": "a", "kind": "download", "match": "whole_line", "phrases": ["【打印】"]}]})",
                       "mine.json"),
      "mine.json: /rules/0/phrases/0: whole_line phrase \"【打印】\" begins with a separator, which "
      "the "
      "matcher skips before looking for a phrase; drop that character",
      schema_error);
  CHECK_THROWS_WITH_AS(
      noise_classifier(rules_with("{\"id\": \"a\", \"kind\": \"share\", \"match\": \"anywhere\", "
                                  "\"phrases\": [\"\xFF\"]}"),
                       "mine.json"),
      doctest::Contains("mine.json"), schema_error);
}

TEST_CASE("noise: the built-in rules load, and classifiers move") {
  CHECK_NOTHROW(noise_classifier(plancmp::builtin_data("noise.json"), "noise.json"));
  noise_classifier a(sample_rules, "sample.json");
  noise_classifier b = std::move(a);
  CHECK(b.classify("spam").kind == noise_kind::advertisement);
  noise_classifier c(R"({"schema": "plancmp.noise/1", "rules": [
      {"id": "x", "kind": "footer", "match": "anywhere", "phrases": ["x"]}]})");
  c = std::move(b);
  CHECK(c.classify("spam").rule == "ad.spam");
}
