"""Times networkx's d-separation test on the graphs and queries that `recausal bench analysis` wrote.

Input (argv[1], JSON): {"warmup": k, "rounds": r, "graphs": [{"size": n, "edges": [[a, b], ...],
"queries": [[x, y, [z, ...]], ...]}, ...]} with vertices numbered 0..n-1. Output on stdout (JSON):
{"networkx": version, "results": [{"size": n, "medianNanos": m, "answers": [bool, ...]}, ...]}.
"""
import json
import statistics
import sys
import time

import networkx as nx


def separated_function():
    # networkx 3.3 renamed d_separated to is_d_separator
    return getattr(nx, "is_d_separator", None) or nx.d_separated


def main():
    spec = json.load(open(sys.argv[1]))
    separated = separated_function()
    results = []
    for graph in spec["graphs"]:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph["size"]))
        g.add_edges_from(tuple(e) for e in graph["edges"])
        queries = [({q[0]}, {q[1]}, set(q[2])) for q in graph["queries"]]
        for _ in range(spec["warmup"]):
            for x, y, z in queries:
                separated(g, x, y, z)
        times = []
        answers = []
        for round_number in range(spec["rounds"]):
            for x, y, z in queries:
                start = time.perf_counter_ns()
                answer = separated(g, x, y, z)
                times.append(time.perf_counter_ns() - start)
                if round_number == 0:
                    answers.append(bool(answer))
        results.append({"size": graph["size"], "medianNanos": statistics.median(times), "answers": answers})
    json.dump({"networkx": nx.__version__, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
