// SPDX-License-Identifier: MIT
// Policy diffusion: on the seeds, Ningbo 2020's carry-overs from Ningbo 2017 are same-place
// inheritance with their spans and nothing rests on boilerplate alone; on small made-up
// corpora, grades, localized names, edge labels, the corpus-frequency boilerplate test,
// dates and periods, and the network formats.
#include <plancmp/analysis/diffusion.hpp>

#include <plancmp/error.hpp>
#include <plancmp/parse/parser.hpp>
#include <plancmp/report/diffusion_tables.hpp>
#include <plancmp/text/document.hpp>

#include "support/seeds.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace plancmp;
using namespace plancmp::analysis;

namespace {

struct seed_corpus {
  std::vector<source_plan> sources;
};

const seed_corpus& seeds() {
  static const seed_corpus c = [] {
    seed_corpus s;
    for (const std::string& name : test::seed_names()) {
      s.sources.push_back(parse::parse_source(text::read_document(test::seed_path(name))));
    }
    return s;
  }();
  return c;
}

std::size_t index_of(const std::string& name) {
  const auto& names = test::seed_names();
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

diffusion_plan made_up(const std::string& name, level l, const std::string& province, date issued) {
  diffusion_plan p;
  p.label = name;
  p.place = {name, l, ""};
  p.province = province;
  p.issued = issued;
  return p;
}

// Two unrelated contents of more than 20 characters each.
const std::string content_a = "建设专利导航服务基地，围绕新材料和智能装备开展产业专利导航分析，形成导航报告并发布。";
const std::string content_b = "培育商标品牌示范企业，组织开展地理标志产品溯源体系建设，提升区域品牌价值和影响力。";
const std::string content_c = "完善技术市场交易规则，推动高校院所科技成果在本地转移转化，建立收益分配激励机制。";

}  // namespace

TEST_CASE("attribute_measures: Ningbo 2020's carry-overs from Ningbo 2017 are same-place inheritance") {
  const seed_corpus& s = seeds();
  diffusion_options o;
  o.threads = 1;
  const diffusion_result d = attribute_measures(s.sources, o);
  const std::size_t n2020 = index_of(test::ningbo_2020);
  const std::size_t n2017 = index_of(test::ningbo_2017);
  REQUIRE(d.plans.size() == 5);
  CHECK(d.plans[n2017].province == "浙江省");
  CHECK(precedes(d.plans[n2017], d.plans[n2020]));

  std::vector<const measure_attribution*> carried;
  for (const measure_attribution& a : d.attributions)
    if (a.source_plan) carried.push_back(&a);
  REQUIRE(carried.size() == 2);
  for (const measure_attribution* a : carried) {
    CHECK(a->plan == n2020);
    CHECK(*a->source_plan == n2017);
    CHECK(a->relation == diffusion_relation::same_place);
    CHECK(a->grade == borrowing_grade::adapted);
    CHECK(a->reinvention > 0.0);
    CHECK(a->reinvention < 1.0);
    REQUIRE_FALSE(a->passages.empty());
    for (const borrowed_passage& p : a->passages) {
      // Nothing rests on boilerplate alone: each passage has its own identical characters.
      CHECK(p.alignment.matches >= o.min_length);
      // The spans are the passage's bytes in both original files.
      CHECK(std::string_view(s.sources[n2020].document().original).substr(p.where.begin, p.where.size()).size() >= 60);
      CHECK_FALSE(std::string_view(s.sources[n2017].document().original).substr(p.source_where.begin, p.source_where.size()).empty());
    }
  }
  const auto find = [&](const std::string& id) {
    return std::find_if(carried.begin(), carried.end(), [&](const auto* a) { return a->id == id; });
  };
  REQUIRE(find("五.(十八)") != carried.end());
  CHECK((*find("五.(十八)"))->source_id == "三.(一).3");
  const borrowed_passage& p = (*find("五.(十八)"))->passages.front();
  CHECK(std::string_view(s.sources[n2020].document().original).substr(p.where.begin, p.where.size()).starts_with("加强《企业知识产权管理规范》"));
  CHECK(std::string_view(s.sources[n2017].document().original).substr(p.source_where.begin, p.source_where.size())
            .starts_with("加强《企业知识产权管理规范》"));
  REQUIRE(find("四.(十三)") != carried.end());
  CHECK((*find("四.(十三)"))->source_id == "三.(一).1.(2)");

  REQUIRE(d.edges.size() == 1);
  CHECK(d.edges[0].source == n2017);
  CHECK(d.edges[0].target == n2020);
  CHECK(d.edges[0].adapted == 2);
  CHECK(d.per_plan[n2017].influence == 2);
  CHECK(d.per_plan[n2017].borrowers == 1);
  REQUIRE(d.per_plan[n2020].originality.has_value());
  CHECK(*d.per_plan[n2020].originality == doctest::Approx(22.0 / 24.0));

  SUBCASE("same result on two threads") {
    o.threads = 2;
    const diffusion_result d2 = attribute_measures(s.sources, o);
    CHECK(d2.attributions == d.attributions);
    CHECK(d2.edges == d.edges);
  }
  SUBCASE("blocks of rows, merged, give the run over all rows (the plancmp.dask path)") {
    const std::size_t n = d.attributions.size();
    std::vector<diffusion_result> parts;
    for (const auto& [begin, end] : std::vector<std::pair<std::size_t, std::size_t>>{{n / 2, n}, {0, 7}, {7, n / 2}}) {
      o.rows = std::pair{begin, end};
      parts.push_back(attribute_measures(s.sources, o));
      CHECK(parts.back().rows == std::pair{begin, end});
    }
    CHECK(parts[0].edges.empty());  // Ningbo 2020's rows are not in the second half
    const diffusion_result merged = merge_diffusion(parts);
    CHECK(merged.attributions == d.attributions);
    CHECK(merged.edges == d.edges);
    CHECK(merged.per_plan == d.per_plan);
    CHECK(merged.candidate_pairs == d.candidate_pairs);
    CHECK(merged.rows == std::pair<std::size_t, std::size_t>{0, n});
    // Parts travel between processes as JSON.
    const diffusion_result back = diffusion_from_json(diffusion_to_json(parts[1]));
    CHECK(back.attributions == parts[1].attributions);
    CHECK(back.plans == parts[1].plans);
    CHECK(back.rows == parts[1].rows);
    CHECK(merge_diffusion(std::vector{diffusion_from_json(diffusion_to_json(parts[0])), parts[1], parts[2]}).attributions ==
          d.attributions);
    CHECK_THROWS_AS((void)diffusion_from_json("{}"), usage_error);
    parts.pop_back();
    CHECK_THROWS_WITH_AS((void)merge_diffusion(parts),
                         doctest::Contains("merge_diffusion: the parts' rows do not tile"), usage_error);
    o.rows = std::pair<std::size_t, std::size_t>{3, n + 1};
    CHECK_THROWS_AS((void)attribute_measures(s.sources, o), usage_error);
  }
}

TEST_CASE("attribute_measures on texts: grades, localized names and edge labels") {
  std::vector<diffusion_plan> plans = {made_up("浙江省", level::province, "浙江省", {2019, 3, 1}),
                                       made_up("杭州市", level::city, "浙江省", {2020, 5, 1}),
                                       made_up("宁波市", level::city, "浙江省", {2021, 5, 1}),
                                       made_up("衡水市", level::city, "河北省", {2022, 5, 1})};
  const std::string province_text = "推动浙江省" + content_a;
  const std::string city_text = "支持杭州市" + content_b + content_c;
  std::vector<measure_text> measures = {
      {0, "1", province_text},
      {1, "1", province_text},                          // copied from above
      {1, "2", city_text},                              // novel
      {2, "1", "支持宁波市" + content_b + content_c},    // peer, same province, name localized
      {3, "1", content_c + "力争到2025年技术合同成交额达到50亿元。"},  // adapted: a clause dropped, a target added
  };
  diffusion_options o;
  o.threads = 1;
  o.frequent_share = 1.0;  // four plans, three of which say content_c: not boilerplate here
  const diffusion_result d = attribute_measures(plans, measures, o);
  REQUIRE(d.attributions.size() == 5);
  CHECK(d.attributions[0].grade == borrowing_grade::novel);
  CHECK(d.attributions[1].grade == borrowing_grade::copied);
  CHECK(d.attributions[1].relation == diffusion_relation::from_above);
  CHECK(d.attributions[1].reinvention == doctest::Approx(0.0));
  CHECK(d.attributions[2].grade == borrowing_grade::novel);
  CHECK(d.attributions[2].reinvention == 1.0);

  const measure_attribution& localized = d.attributions[3];
  CHECK(localized.grade == borrowing_grade::copied);
  CHECK(localized.relation == diffusion_relation::peer_same_province);
  CHECK(localized.source_plan == 1U);
  CHECK(localized.localized == std::vector<std::string>{"杭州→宁波"});

  const measure_attribution& adapted = d.attributions[4];
  CHECK(adapted.grade == borrowing_grade::adapted);
  CHECK(adapted.source_plan == 2U);  // 杭州 and 宁波 hold the same text: the nearer one
  CHECK(adapted.relation == diffusion_relation::peer_elsewhere);
  CHECK(adapted.added_targets == 2);
  CHECK(adapted.dropped_clauses >= 1);
  REQUIRE_FALSE(adapted.passages.empty());
  CHECK(adapted.passages.front().text == adapted.passages.front().source_text);

  CHECK(d.per_plan[0].influence == 1);
  CHECK(d.per_plan[1].influence == 1);
  CHECK(d.per_plan[2].influence == 1);
  CHECK(d.per_plan[1].borrowers == 1);
  CHECK(*d.per_plan[1].originality == doctest::Approx(0.5));

  SUBCASE("network formats") {
    const std::string graphml = to_graphml(d);
    CHECK(graphml.find("<edge id=\"e0\" source=\"p0\" target=\"p1\"><data key=\"weight\">1</data>") != std::string::npos);
    CHECK(std::count(graphml.begin(), graphml.end(), '\n') > 10);
    const std::string gexf = to_gexf(d);
    CHECK(gexf.find("<node id=\"p2\" label=\"宁波市\">") != std::string::npos);
    CHECK(gexf.find("value=\"peer, same province\"") != std::string::npos);
  }
  SUBCASE("tables") {
    CHECK(report::attributions_table(d).rows.size() == 3);
    CHECK(report::attributions_table(d, true).rows.size() == 5);
    CHECK(report::edges_table(d).rows.size() == 3);
    CHECK(report::plans_table(d).rows.size() == 4);
  }
  SUBCASE("measures must be sorted by plan") {
    std::swap(measures[0], measures[4]);
    CHECK_THROWS_AS((void)attribute_measures(plans, measures, o), usage_error);
  }
}

TEST_CASE("attribute_measures: boilerplate alone is no borrowing") {
  std::vector<diffusion_plan> plans;
  for (int year = 2018; year <= 2021; ++year) plans.push_back(made_up(std::to_string(year) + "市", level::city, "", {year, 1, 1}));
  const std::string stock = "坚持问题导向和目标导向统筹推进各项工作落地见效确保各项任务措施落到实处取得实效。";
  const std::string builtin = "按照职责分工负责，深入实施知识产权战略，加强知识产权保护，习近平新时代中国特色社会主义思想。";
  const std::vector<measure_text> measures = {{0, "1", stock + content_a}, {1, "1", stock + content_b},
                                              {2, "1", stock + content_c}, {3, "1", builtin + "推进数据知识产权登记。"}};
  diffusion_options o;
  o.threads = 1;
  SUBCASE("a stock sentence most plans say is found by its frequency") {
    const diffusion_result d = attribute_measures(plans, measures, o);
    for (const measure_attribution& a : d.attributions) CHECK(a.grade == borrowing_grade::novel);
    REQUIRE_FALSE(d.frequent_boilerplate.empty());
    CHECK(stock.find(d.frequent_boilerplate.front()) != std::string::npos);
  }
  SUBCASE("without the frequency test the stock sentence counts") {
    o.frequent_share = 1.0;
    const diffusion_result d = attribute_measures(plans, measures, o);
    CHECK(d.frequent_boilerplate.empty());
    CHECK(d.attributions[1].source_plan == 0U);
  }
}

TEST_CASE("diffusion: dates, periods, provinces and relations") {
  CHECK(plan_period_start("衡水市“十四五”知识产权保护和运用实施方案") == 2021);
  CHECK(plan_period_start("2023-2025年贯彻落实推进计划") == 2023);
  CHECK(plan_period_start("２０２０年甘肃省推进计划") == 2020);
  CHECK_FALSE(plan_period_start("关于全面加强知识产权工作的实施意见").has_value());

  CHECK(province_of({"衡水市", level::city, ""}) == "河北省");
  CHECK(province_of({"甘肅省", level::province, ""}) == "甘肃省");
  CHECK(province_of({"江汉区", level::district, "武汉市江汉区人民政府办公室"}) == "湖北省");
  CHECK(province_of({"某市", level::city, ""}).empty());

  diffusion_plan a = made_up("甲市", level::city, "", {2020, 6, 0});
  diffusion_plan b = made_up("乙市", level::city, "", {2020, 6, 15});
  CHECK_FALSE(precedes(a, b));  // a month against a day of that month: a tie
  a.period_start = 2016;
  b.period_start = 2021;
  CHECK(precedes(a, b));
  CHECK_FALSE(precedes(b, a));
  b.issued.reset();
  CHECK_FALSE(precedes(a, b));

  const diffusion_plan centre = made_up("国务院", level::national, "", {2021, 1, 1});
  const diffusion_plan city = made_up("衡水市", level::city, "河北省", {2022, 1, 1});
  const diffusion_plan other = made_up("宁波市", level::city, "", {2022, 1, 1});
  CHECK(relation_between(centre, city) == diffusion_relation::from_above);
  CHECK(relation_between(city, centre) == diffusion_relation::from_below);
  CHECK(relation_between(city, other) == diffusion_relation::peer_province_unknown);
  CHECK(relation_between(city, city) == diffusion_relation::same_place);
  CHECK(relation_between(made_up("", level::unknown, "", {}), city) == diffusion_relation::unknown);

  for (const auto r : {diffusion_relation::unknown, diffusion_relation::same_place, diffusion_relation::from_above,
                       diffusion_relation::from_below, diffusion_relation::peer_same_province,
                       diffusion_relation::peer_elsewhere, diffusion_relation::peer_province_unknown})
    CHECK(parse_diffusion_relation(to_string(r)) == r);
  for (const auto g : {borrowing_grade::novel, borrowing_grade::adapted, borrowing_grade::copied})
    CHECK(parse_borrowing_grade(to_string(g)) == g);
  CHECK_FALSE(parse_borrowing_grade("borrowed").has_value());
}

TEST_CASE("attribute_measures: a quotation counts only when its text is rare in the corpus") {
  // One sentence quoted verbatim inside longer, otherwise unrelated measures: two plans
  // quoting it are a borrowing; five plans saying it are drawing on a common text, and
  // none can be said to have taken it from another (quotation_max_plans 3).
  const std::string quote = "将专利战略分析和重点产品专利技术分析纳入重大项目可行性论证程序。";
  // Fillers with no run of 20 characters in common: the characters of content_a/b/c
  // (distinct ones), read with a different stride for each plan.
  std::vector<std::string> pool;
  for (std::size_t at = 0; at < (content_a + content_b + content_c).size();) {
    const std::string all = content_a + content_b + content_c;
    const std::size_t len = (static_cast<unsigned char>(all[at]) >= 0xE0) ? 3 : 1;
    std::string ch = all.substr(at, len);
    at += len;
    if (len == 3 && ch != "，" && ch != "。" && std::find(pool.begin(), pool.end(), ch) == pool.end()) pool.push_back(ch);
  }
  REQUIRE(pool.size() > 60);
  auto filler = [&](std::size_t stride) {
    std::string out;
    for (std::size_t i = 0; i < 40; ++i) out += pool[(i * stride + 3) % pool.size()];
    return out + "。";
  };
  auto corpus = [&](std::size_t quoting) {
    std::pair<std::vector<diffusion_plan>, std::vector<measure_text>> c;
    for (std::size_t k = 0; k < 5; ++k) {
      c.first.push_back(made_up(std::string(1, static_cast<char>('A' + k)) + "市", level::city, "",
                                {2016 + static_cast<int>(k), 1, 1}));
      const std::size_t strides[] = {1, 2, 3, 5, 7};
      c.second.push_back({static_cast<std::uint32_t>(k), "1", filler(strides[k]) + (k < quoting ? quote : "")});
    }
    return c;
  };
  diffusion_options o;
  o.threads = 1;
  o.frequent_share = 1.0;  // not boilerplate by the frequency test: only the quotation test decides
  SUBCASE("two plans quote it: a borrowing") {
    const auto [plans, measures] = corpus(2);
    const diffusion_result d = attribute_measures(plans, measures, o);
    REQUIRE(d.attributions[1].source_plan == 0U);
    CHECK(d.attributions[1].coverage < o.min_coverage);  // by the quotation, not by coverage
    for (std::size_t k : {0, 2, 3, 4}) CHECK_FALSE(d.attributions[k].source_plan);
  }
  SUBCASE("five plans say it: a common text, no borrowing") {
    const auto [plans, measures] = corpus(5);
    const diffusion_result d = attribute_measures(plans, measures, o);
    for (const measure_attribution& a : d.attributions) CHECK(a.grade == borrowing_grade::novel);
    o.quotation_max_plans = 0;  // the test off: each quotes its predecessor
    const diffusion_result all = attribute_measures(plans, measures, o);
    for (std::size_t k = 1; k < 5; ++k) CHECK(all.attributions[k].source_plan.has_value());
  }
}
