// SPDX-License-Identifier: MIT
// Internal: escaping text for the graph formats the library writes (GraphML and DOT), shared
// by the plan writers (model/serialize) and the agency-network writers (analysis/agencies).
// Not part of the stable API.
#pragma once

#include <string>
#include <string_view>

namespace plancmp::inline v0::detail {

/// XML 1.0 character data and attribute values: markup characters as entities, CR as a
/// character reference (parsers would turn a raw one into LF), and the characters XML 1.0
/// does not allow at all (C0 controls but tab and LF, U+FFFE, U+FFFF) dropped. Ill-formed
/// UTF-8 becomes U+FFFD, so that one bad byte cannot make the whole file unreadable.
void append_xml(std::string& out, std::string_view text);

/// The inside of a DOT double-quoted string: quote and backslash escaped (a backslash
/// would otherwise start one of Graphviz's \N \G \l … escapes), newlines as \n, other
/// control characters dropped; ill-formed UTF-8 as U+FFFD.
void append_dot(std::string& out, std::string_view text);

}  // namespace plancmp::inline v0::detail
