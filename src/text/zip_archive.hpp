// SPDX-License-Identifier: MIT
// The one reader of zip members for the input formats that are zip archives (DOCX, XLSX),
// through libzip (Debian: libzip-dev): the archive is opened from bytes in memory and a
// member read by name, no larger than `max_zip_member_bytes` unpacked (a zip bomb guard,
// docs/inputs.md). Errors are `parse_error`s naming the file; each format words them its
// own way (`zip_messages`), so that a damaged DOCX says DOCX and a workbook says workbook.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;  // libzip's zip_t; zip.h stays out of this header

namespace plancmp::inline v0::text::detail {

/// A format's wording of the errors of `zip_archive`: fmt format strings.
struct zip_messages {
  const char* out_of_memory;     ///< libzip could not set up reading the bytes
  const char* unreadable;        ///< {}: libzip's reason (not a zip archive, damaged, truncated)
  const char* member_too_large;  ///< {0}: the member, {1}: its unpacked size in bytes
  const char* member_damaged;    ///< {}: the member, which cannot be read
};

/// Members that would unpack to more than 1 GiB are refused.
inline constexpr std::uint64_t max_zip_member_bytes = std::uint64_t(1) << 30;

/// A zip archive held in memory, read member by member.
///
///     const zip_archive archive(bytes, path, docx_messages);
///     const auto xml = archive.member("word/document.xml");  // nullopt: no such member
class zip_archive {
 public:
  /// Opens the archive in `bytes`, which must outlive it; `messages` too (a constant of the
  /// format). Throws `parse_error` naming `path` (`out_of_memory`, `unreadable`).
  zip_archive(std::string_view bytes, std::string path, const zip_messages& messages);

  /// The unpacked bytes of the member named `name`, or nullopt when the archive has none.
  /// Throws `parse_error` naming the file when the member would unpack to more than
  /// `max_zip_member_bytes` (`member_too_large`) or cannot be read (`member_damaged`).
  [[nodiscard]] std::optional<std::string> member(const std::string& name) const;

 private:
  struct discard {
    void operator()(zip* archive) const noexcept;
  };
  std::unique_ptr<zip, discard> archive_;
  std::string path_;
  const zip_messages& messages_;
};

}  // namespace plancmp::inline v0::text::detail
