// SPDX-License-Identifier: MIT
#include "zip_archive.hpp"

#include <plancmp/error.hpp>

#include <fmt/format.h>
#include <zip.h>

#include <utility>

namespace plancmp::inline v0::text::detail {

void zip_archive::discard::operator()(zip* archive) const noexcept { zip_discard(archive); }

zip_archive::zip_archive(std::string_view bytes, std::string path, const zip_messages& messages)
    : path_(std::move(path)), messages_(messages) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (source == nullptr) {
    zip_error_fini(&err);
    throw parse_error(error_location::file(path_), messages_.out_of_memory);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (archive == nullptr) {
    const std::string why = zip_error_strerror(&err);
    zip_source_free(source);
    zip_error_fini(&err);
    throw parse_error(error_location::file(path_),
                      fmt::format(fmt::runtime(messages_.unreadable), why));
  }
  zip_error_fini(&err);
  archive_.reset(archive);
}

std::optional<std::string> zip_archive::member(const std::string& name) const {
  zip_t* archive = archive_.get();
  const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    throw parse_error(error_location::file(path_),
                      fmt::format(fmt::runtime(messages_.member_damaged), name));
  }
  if (st.size > max_zip_member_bytes) {
    throw parse_error(error_location::file(path_),
                      fmt::format(fmt::runtime(messages_.member_too_large), name, st.size));
  }
  const std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(
      zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0), zip_fclose);
  std::string data(static_cast<std::size_t>(st.size), '\0');
  if (!file ||
      zip_fread(file.get(), data.data(), data.size()) != static_cast<zip_int64_t>(data.size())) {
    throw parse_error(error_location::file(path_),
                      fmt::format(fmt::runtime(messages_.member_damaged), name));
  }
  return data;
}

}  // namespace plancmp::inline v0::text::detail
