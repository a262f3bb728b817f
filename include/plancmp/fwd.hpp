// SPDX-License-Identifier: MIT
// Forward declarations of plancmp's main types; cheap to include.
#pragma once

namespace plancmp::inline v0 {
struct span;
struct error_location;
class error;
class decode_error;
class parse_error;
class schema_error;
class usage_error;
class io_error;

// model
struct jurisdiction;
struct date;
struct agency;
struct agency_mention;
struct agency_resolution;
struct agency_entry;
struct agency_match;
class agency_ontology;
struct deadline;
struct section;
struct measure;
struct goal;
struct box;
struct box_item;
struct table_block;
struct annex;
struct target;
struct diagnostic;
struct source_info;
struct document_number;
class plan;
class source_plan;
struct keyword;
struct theme;
struct coding_scheme;

namespace parse {
struct heading;
struct parse_options;
struct line_use;
}  // namespace parse

namespace analysis {
class tagger;
struct plan_tagging;
struct coverage_matrix;
struct tools_by_chain;
struct gap_report;
struct vertical_alignment;
struct plan_diff;
class pmc_model;
struct pmc_result;
}  // namespace analysis

namespace report {
struct cell;
struct table;
struct heatmap;
struct bar_chart;
struct report_options;
}  // namespace report

namespace text {
class offset_map;
struct decoded_text;
struct normalized_text;
struct simplified_text;
class simplifier;
class noise_classifier;
struct noise_verdict;
class word_tokenizer;
struct token;
struct line;
struct document;
struct read_options;
}  // namespace text
}  // namespace plancmp::inline v0
