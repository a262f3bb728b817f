// SPDX-License-Identifier: MIT
#pragma once

#include <plancmp/model/plan.hpp>

#include <string>
#include <string_view>

namespace plancmp::inline v0 {

/// The plan JSON schema name and version written by `to_json` (see docs/plan-schema.md).
inline constexpr std::string_view plan_schema = "plancmp.plan/1";

/// Serializes a plan to JSON (schema `plancmp.plan/1`, keys in a fixed order, UTF-8,
/// byte-identical for equal plans). `indent` < 0 writes one line; otherwise objects and
/// arrays of objects nest by `indent` spaces, and arrays of scalars (spans, paths, table
/// rows) stay on one line. No trailing newline.
///
/// Throws `schema_error` naming the JSON path of a value the schema cannot carry, so that
/// every file written reads back: a non-finite number, a string that is not UTF-8, a date
/// that is not `YYYY[-MM[-DD]]`, a span that ends before it begins, or a table whose
/// `cell_spans` do not have the shape of its `rows`.
[[nodiscard]] std::string to_json(const plan& p, int indent = 2);

/// Reads a plan back from JSON written by `to_json`: `from_json(to_json(p)) == p`, and the
/// result's graph is built (its content is set once, `plan::set_content`).
///
/// Strict: throws `schema_error` naming `origin` and the JSON path of the first problem —
/// malformed JSON (with its byte offset), nesting deeper than 64 levels (refused before
/// it is built), a duplicate key, an unknown schema version, a missing key, a wrong type,
/// a number out of range, a span with begin > end, an unknown enum name, an agency no
/// measure names. Unknown keys are ignored (later `/1` writers may add optional keys).
///
///     try { plan p = plan_from_json(text, "plan.json"); }
///     catch (const schema_error& e) { /* "plan.json: /measures/3/lead/0/span: …" */ }
[[nodiscard]] plan plan_from_json(std::string_view json, const std::string& origin = "<json>");

/// GraphML (for Gephi, yEd, networkx): one node per vertex with kind, id and label
/// attributes, one edge per edge with its kind. Node `n<k>` is vertex k. Text is escaped
/// for XML 1.0 (characters XML cannot hold are dropped, ill-formed UTF-8 becomes U+FFFD).
[[nodiscard]] std::string to_graphml(const plan& p);

/// Graphviz DOT of the plan graph: node `n<k>` is vertex k, with a `kind` attribute, a
/// shape per kind and a label (id and title, cut to 40 characters, escaped); edges carry
/// `kind` and a style per kind.
[[nodiscard]] std::string to_dot(const plan& p);

}  // namespace plancmp::inline v0
