// SPDX-License-Identifier: MIT
#include <plancmp/parse/heading.hpp>

#include <doctest/doctest.h>

using namespace plancmp::parse;

TEST_CASE("chinese numerals") {
  CHECK(chinese_numeral_value("一") == 1);
  CHECK(chinese_numeral_value("十") == 10);
  CHECK(chinese_numeral_value("十三") == 13);
  CHECK(chinese_numeral_value("二十") == 20);
  CHECK(chinese_numeral_value("二十四") == 24);
  CHECK(chinese_numeral_value("一百零二") == 102);
  CHECK(chinese_numeral_value("两千") == 2000);
  CHECK(chinese_numeral_value("一千二百") == 1200);
  CHECK(chinese_numeral_value("千") == 1000);
  CHECK(chinese_numeral_value("百") == 100);
  CHECK_FALSE(chinese_numeral_value("十百").has_value());
  CHECK_FALSE(chinese_numeral_value("二三").has_value());
  CHECK_FALSE(chinese_numeral_value("零").has_value());
  CHECK_FALSE(chinese_numeral_value("是").has_value());
}

TEST_CASE("heading styles") {
  SUBCASE("section") {
    const auto h = recognize_heading("二、加强知识产权保护体系建设");
    REQUIRE(h);
    CHECK(h->style == numbering::chinese_comma);
    CHECK(h->number == 2);
    CHECK(h->label == "二");
    CHECK(std::string_view("二、加强知识产权保护体系建设").substr(h->text_begin) == "加强知识产权保护体系建设");
  }
  SUBCASE("subsection with leading spaces, run-in title") {
    const auto h = recognize_heading("       (三)深化协同保护。加强跨部门执法协作");
    REQUIRE(h);
    CHECK(h->style == numbering::chinese_paren);
    CHECK(h->number == 3);
    CHECK(h->label == "(三)");
    CHECK(h->marker_begin == 7);
  }
  SUBCASE("items") {
    for (const char* line : {"13.加快推进", "13、加快推进"}) {
      const auto h = recognize_heading(line);
      REQUIRE(h);
      CHECK(h->style == numbering::arabic_dot);
      CHECK(h->number == 13);
      CHECK(h->label == "13");
    }
    const auto bare = recognize_heading("13加快推进中国(甘肃)知识产权保护中心建设");
    REQUIRE(bare);
    CHECK(bare->style == numbering::arabic_bare);
    CHECK(bare->number == 13);
  }
  SUBCASE("sub-items") {
    const auto h = recognize_heading("(1)推进专利导航与产业发展决策联动。");
    REQUIRE(h);
    CHECK(h->style == numbering::arabic_paren);
    CHECK(h->label == "(1)");
    const auto c = recognize_heading("③加强培训");
    REQUIRE(c);
    CHECK(c->style == numbering::circled);
    CHECK(c->number == 3);
    CHECK(c->label == "(3)");
  }
  SUBCASE("boxes and annexes") {
    const auto b = recognize_heading("专栏2 强化知识产权保护工程");
    REQUIRE(b);
    CHECK(b->style == numbering::box);
    CHECK(b->label == "专栏2");
    const auto a = recognize_heading("附件1");
    REQUIRE(a);
    CHECK(a->style == numbering::annex);
    CHECK(a->label == "附件1");
    const auto list = recognize_heading("附件:1.宁波市知识产权运营服务体系建设资金使用方案");
    REQUIRE(list);
    CHECK(list->number == 0);
  }
  SUBCASE("a sub-item closed by a bracket alone") {
    const auto h = recognize_heading("2)推进一件事一次办");
    REQUIRE(h);
    CHECK(h->style == numbering::arabic_paren);
    CHECK(h->label == "(2)");
    CHECK(h->number == 2);
  }
  SUBCASE("a section number with a dot") {
    const auto h = recognize_heading("二.重点任务");
    REQUIRE(h);
    CHECK(h->style == numbering::chinese_comma);
    CHECK(h->label == "二");
    CHECK(h->text_begin == std::string_view("二.").size());
  }
  SUBCASE("parts, chapters and their sections: the outer levels of long plans") {
    const auto part = recognize_heading("第二篇 坚持创新驱动发展");
    REQUIRE(part);
    CHECK(part->style == numbering::part);
    CHECK(part->label == "第二篇");
    CHECK(part->number == 2);
    CHECK(recognize_heading("第一部分 总体要求")->style == numbering::part);
    const auto chapter = recognize_heading("第十二章 强化知识产权保护");
    REQUIRE(chapter);
    CHECK(chapter->style == numbering::chapter);
    CHECK(chapter->number == 12);
    CHECK(chapter->label == "第十二章");
    CHECK(chapter->text_begin == std::string_view("第十二章 ").size());
    const auto section = recognize_heading("第3节");
    REQUIRE(section);
    CHECK(section->style == numbering::chapter_section);
    CHECK(section->number == 3);
    // Prose that opens with an ordinal is no heading: a sentence follows it.
    CHECK_FALSE(recognize_heading("第一章规定的各项任务，由各部门分工落实。").has_value());
    CHECK_FALSE(recognize_heading("第三条 本办法自发布之日起施行。").has_value());
    CHECK_FALSE(recognize_heading("第一批试点城市").has_value());
  }
}

TEST_CASE("numbers that are not headings") {
  for (const char* line : {"0.56", "3.85", "2025年,知识产权领域治理能力", "12315行政执法", "50%以上",
                           "一是加强", "“十四五”知识产权", "附件所列", "38", "13个", "2025年"}) {
    CAPTURE(line);
    CHECK_FALSE(recognize_heading(line).has_value());
  }
}

TEST_CASE("ranks order the styles") {
  CHECK(rank(numbering::chinese_comma) < rank(numbering::chinese_paren));
  CHECK(rank(numbering::chinese_paren) < rank(numbering::arabic_dot));
  CHECK(rank(numbering::arabic_dot) == rank(numbering::arabic_bare));
  CHECK(rank(numbering::arabic_dot) < rank(numbering::arabic_paren));
  CHECK(rank(numbering::part) < rank(numbering::chapter));
  CHECK(rank(numbering::chapter) < rank(numbering::chapter_section));
  CHECK(rank(numbering::chapter_section) < rank(numbering::chinese_comma));
  CHECK(rank(numbering::box) == outside_outline);
  CHECK(rank(numbering::annex) < rank(numbering::part));
}
