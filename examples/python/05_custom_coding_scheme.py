#!/usr/bin/python3
"""A coding scheme of one's own, as a Python dict: the innovation actors (创新主体) a measure
addresses, counted in four plans, with the evidence behind each count."""
import plancmp

actors = {
    "schema": "plancmp.coding_scheme/1",
    "id": "innovation_actors",
    "version": "1",
    "name": {"zh": "创新主体", "en": "innovation actors"},
    "themes": [
        {"id": "enterprises", "zh": "企业", "en": "enterprises", "keywords": ["企业", "中小企业", "龙头企业"]},
        {"id": "universities", "zh": "高校院所", "en": "universities and institutes",
         "keywords": ["高校", "高等院校", "科研院所", "科研机构"]},
        {"id": "service_agencies", "zh": "服务机构", "en": "service agencies",
         "keywords": ["服务机构", "代理机构", "中介机构"]},
        {"id": "talent", "zh": "人才", "en": "talent", "keywords": ["人才", "专家"]},
    ],
}
scheme = plancmp.CodingScheme.from_dict(actors)
print(scheme)
plans = plancmp.seeds()[:4]
coverage = plancmp.coverage(plans, scheme)
print(coverage.to_table("counts").to_markdown())
evidence = coverage.to_table("evidence").to_pandas()
print(f"evidence rows: {len(evidence)}")
try:
    plancmp.CodingScheme.from_dict({"schema": "plancmp.coding_scheme/1", "id": "broken", "themes": [{"id": "x", "colour": "red"}]})
except plancmp.SchemaError as e:
    print(f"a broken scheme is refused: {type(e).__name__}")
