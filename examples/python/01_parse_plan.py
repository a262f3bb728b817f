#!/usr/bin/python3
"""Parse a plan and walk its outline, responsibilities, targets and diagnostics.

    python 01_parse_plan.py [PLAN_FILE]      (default: the bundled Hengshui plan)
"""
import sys

import plancmp

plan = plancmp.parse(sys.argv[1]) if len(sys.argv) > 1 else plancmp.seeds()[1]
print(plan)
print(f"title: {plan.title}")
print(f"jurisdiction: {plan.jurisdiction.name} ({plan.jurisdiction.level}), issued {plan.issued}")
if plan.document_number:
    print(f"document number: {plan.document_number.repaired}")
print(f"sections: {len(plan.sections)}, measures: {len(plan.measures)}, goals: {len(plan.goals)}, "
      f"targets: {len(plan.targets)}, agencies: {len(plan.agencies)}")
for m in plan.measures[:3]:
    lead = "、".join(a.name for a in m.lead) or "—"
    role = "joint" if m.joint else "lead"  # several units with no lead mark: jointly responsible
    print(f"  {m.id:<12} {m.title[:30]}  {role}: {lead}  bytes {m.span.begin}-{m.span.end}")
first = next((m for m in plan.measures if m.lead and not m.joint), None)
if first is not None:
    print(f"the first lead agency as printed in the file: {plan.source_text(first.lead[0].span)}")
for t in plan.targets[:3]:
    print(f"  target: {t.indicator} {t.comparator} {t.value:g}{t.unit} by {t.year}")
print(f"diagnostics: {len(plan.diagnostics)}")
