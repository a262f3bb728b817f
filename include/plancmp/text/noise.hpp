// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace plancmp::inline v0::text {

/// Why a line of a scraped page is not part of the document.
enum class noise_kind {
  none,           ///< content: part of the notice or the plan
  navigation,     ///< site menus, breadcrumbs, "您当前的位置", "回到顶部", search boxes
  page_meta,      ///< "发布日期:… 来源:… 浏览次数", "阅读量", "字体:[大 中 小]"
  share,          ///< "扫一扫在手机上查看当前页面", "分享到", QR-code prompts
  contact,        ///< a line that is only a phone number, a hotline or an advert's contact
  advertisement,  ///< adverts and spam lines (gambling, adult, "加盟")
  footer,         ///< "Produced By …", "友情链接", copyright and ICP lines, "来源:… 官网"
  download,       ///< a lone "下载" / "打印" / "关闭" control
};

/// "none", "navigation", "page_meta", "share", "contact", "advertisement", "footer", "download".
[[nodiscard]] std::string_view to_string(noise_kind k) noexcept;

/// The verdict on one line: its kind, and the rule that fired (empty for content).
struct noise_verdict {
  noise_kind kind = noise_kind::none;
  std::string_view rule;  ///< id of the rule in the rules file, e.g. "share.scan_qr"
  explicit operator bool() const noexcept { return kind != noise_kind::none; }
};

/// Classifies single lines of a scraped page as noise or content.
///
/// The rules are data (`data/noise.json`, format `plancmp.noise/1`, documented in
/// `docs/noise.md`): phrases that mark a line noise wherever they stand (`anywhere`),
/// phrases that make a *short* line noise (`short_line`), labels a short line begins with
/// (`line_start`), menu words a line may consist of (`whole_line`), and line shapes such
/// as "only a phone number" (`shape`). The first matching rule in file order decides.
///
/// A line of a plan body or of its cover notice is never noise: apart from `anywhere`
/// phrases (labels like `浏览次数`, banners like `Produced By`, spam vocabulary), a line
/// that contains `。` or opens like a numbered heading (`一、`, `(一)`, `1.`, `专栏1`) is
/// content, and so is any line longer than the rules' `max_chars`. A line is noise only
/// as a whole: spam text inside a real line does not make it noise.
///
///     const auto& n = plancmp::text::noise_classifier::builtin();
///     n.classify("扫一扫在手机上查看当前页面").kind == noise_kind::share;
///     n.classify("加强知识产权下载平台建设。").kind == noise_kind::none;
class noise_classifier {
 public:
  /// Builds a classifier from rules in the documented JSON format. Throws `schema_error`
  /// naming `origin` and the JSON Pointer of the offending value when the rules are
  /// malformed (`my.json: /rules/3/kind: unknown kind "menu"; use one of …`).
  explicit noise_classifier(std::string_view rules_json, std::string origin = "noise.json");
  ~noise_classifier();
  noise_classifier(noise_classifier&&) noexcept;
  noise_classifier& operator=(noise_classifier&&) noexcept;

  /// The classifier built from the embedded `data/noise.json`.
  static const noise_classifier& builtin();

  /// Classifies one line (normalized, simplified text, without its '\n'); surrounding
  /// white space is ignored and a blank line is content. Thread-safe, does not allocate:
  /// a long line costs one pass of a byte automaton. `noise_verdict::rule` points into
  /// this classifier and lives as long as it does.
  [[nodiscard]] noise_verdict classify(std::string_view line) const;

 private:
  struct rules;  // compiled rules: phrase automata, shapes, guards (src/text/noise.cpp)
  std::unique_ptr<rules> rules_;
};

}  // namespace plancmp::inline v0::text
