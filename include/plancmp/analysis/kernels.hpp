// SPDX-License-Identifier: MIT
// The generic kernels, header-only templates over the caller's own types (docs/kernels.md):
// local alignment over any two random-access ranges with a scoring callable, assignment
// over any weight callable, top-k over any sparse rows, the Weisfeiler–Lehman kernel over
// any Boost.Graph graph with a label property map, and network measures (degrees,
// betweenness, components) over any undirected Boost.Graph graph with an edge weight map.
// plancmp's own functions are these kernels instantiated in src/ for plancmp's types.
#pragma once

#include <plancmp/analysis/kernels/assignment.hpp>
#include <plancmp/analysis/kernels/local_align.hpp>
#include <plancmp/analysis/kernels/network.hpp>
#include <plancmp/analysis/kernels/top_k.hpp>
#include <plancmp/analysis/kernels/wl.hpp>
