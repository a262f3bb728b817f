// SPDX-License-Identifier: MIT
// Umbrella header: everything plancmp offers.
#pragma once

#include <plancmp/data.hpp>
#include <plancmp/error.hpp>
#include <plancmp/span.hpp>
#include <plancmp/version.hpp>

#include <plancmp/text/document.hpp>
#include <plancmp/text/encoding.hpp>
#include <plancmp/text/noise.hpp>
#include <plancmp/text/normalize.hpp>
#include <plancmp/text/offset_map.hpp>
#include <plancmp/text/script.hpp>
#include <plancmp/text/tokenize.hpp>
