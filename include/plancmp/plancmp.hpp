// SPDX-License-Identifier: MIT
// Umbrella header: everything plancmp offers.
#pragma once

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/hash.hpp>
#include <plancmp/span.hpp>
#include <plancmp/version.hpp>

#include <plancmp/text/document.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/formats.hpp>
#include <plancmp/text/noise.hpp>
#include <plancmp/text/normalize.hpp>
#include <plancmp/text/offset_map.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/text/tokenize.hpp>

#include <plancmp/model/agency_ontology.hpp>
#include <plancmp/model/coding_scheme.hpp>
#include <plancmp/model/diagnostic.hpp>
#include <plancmp/model/jurisdiction.hpp>
#include <plancmp/model/outline.hpp>
#include <plancmp/model/plan.hpp>
#include <plancmp/model/responsibility.hpp>
#include <plancmp/model/serialize.hpp>
#include <plancmp/model/source_plan.hpp>
#include <plancmp/model/target.hpp>

#include <plancmp/parse/clause.hpp>
#include <plancmp/parse/corpus.hpp>
#include <plancmp/parse/heading.hpp>
#include <plancmp/parse/parser.hpp>

#include <plancmp/analysis/agencies.hpp>
#include <plancmp/analysis/agreement.hpp>
#include <plancmp/analysis/alignment_gold.hpp>
#include <plancmp/analysis/coverage.hpp>
#include <plancmp/analysis/diffusion.hpp>
#include <plancmp/analysis/gaps.hpp>
#include <plancmp/analysis/graph_kernel.hpp>
#include <plancmp/analysis/learned_coder.hpp>
#include <plancmp/analysis/plan_alignment.hpp>
#include <plancmp/analysis/pmc.hpp>
#include <plancmp/analysis/reuse.hpp>
#include <plancmp/analysis/similarity.hpp>
#include <plancmp/analysis/tagging.hpp>

#include <plancmp/report/agencies_tables.hpp>
#include <plancmp/report/agreement_tables.hpp>
#include <plancmp/report/alignment_tables.hpp>
#include <plancmp/report/comparison.hpp>
#include <plancmp/report/coverage_tables.hpp>
#include <plancmp/report/diffusion_tables.hpp>
#include <plancmp/report/figures.hpp>
#include <plancmp/report/gaps_tables.hpp>
#include <plancmp/report/html_report.hpp>
#include <plancmp/report/pmc_tables.hpp>
#include <plancmp/report/reuse_tables.hpp>
#include <plancmp/report/similarity_tables.hpp>
#include <plancmp/report/table.hpp>
#include <plancmp/report/workbook.hpp>
