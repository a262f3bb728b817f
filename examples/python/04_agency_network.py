#!/usr/bin/python3
"""The co-responsibility network of a plan's agencies as a networkx graph.

    python 04_agency_network.py [PLAN_FILE]   (default: the bundled Hengshui plan)
"""
import sys

import networkx as nx

import plancmp

plan = plancmp.parse(sys.argv[1]) if len(sys.argv) > 1 else plancmp.seeds()[1]
network = plancmp.agency_network(plan)
g = network.to_networkx()
print(f"{plan.label}: {g.number_of_nodes()} agencies, {g.number_of_edges()} ties, "
      f"density {nx.density(g):.3f}, {nx.number_connected_components(g)} component(s)")
central = sorted(g.nodes(data=True), key=lambda n: (-n[1]["lead"], -n[1]["weighted_degree"], n[1]["name"]))
for _, d in central[:5]:
    print(f"  {d['name']}: leads {d['lead']}, supports {d['support']}, partners {d['degree']}")
# Nodes are canonical agency ids (the name as printed is an attribute), so ties break by id.
strongest = min(g.edges(data=True), key=lambda e: (-e[2]["weight"], e[0], e[1]))
u, v, d = strongest
print(f"strongest tie: {g.nodes[u]['name']} — {g.nodes[v]['name']} ({d['weight']} shared measures)")
betweenness = nx.betweenness_centrality(g)
top = min(betweenness, key=lambda n: (-betweenness[n], n))
print(f"highest betweenness (networkx): {g.nodes[top]['name']}")
pg = plan.to_networkx()
edges = nx.to_pandas_edgelist(g)  # columns source, target, weight, first_leads, …
print(f"edge list: {len(edges)} rows, columns {', '.join(edges.columns[:3])} …")
print(f"plan graph: {pg.number_of_nodes()} vertices, {pg.number_of_edges()} edges")
