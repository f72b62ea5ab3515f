"""Turns a bench/run results file into a Markdown table: per database and path, req/s, latency percentiles, errors,
and each path's throughput as a share of the one-EF-Core-row ceiling measured in the same run."""
import sys

def main(path):
    sections, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("== "):
            current = {"title": line[3:], "rows": [], "notes": []}
            sections.append(current)
        elif current and " RESULT " in f" {line}":
            name, _, rps, p50, p95, p99, errors, total = line.split()
            current["rows"].append((name, float(rps), float(p50), float(p95), float(p99), int(errors), int(total)))
        elif current and line.startswith(("cold start", "peak working set", "private memory sampled", "National figures", "csv import", "search first ask", "errors the app logged", "postgresql while")):
            current["notes"].append(line)
    for s in sections:
        ceiling = next((r[1] for r in s["rows"] if r[0] == "ceiling:ef-one-row"), 0) or 1
        print(f"\n### {s['title']}\n")
        print("| path | req/s | p50 ms | p95 ms | p99 ms | errors | × EF-row ceiling |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, rps, p50, p95, p99, errors, _ in s["rows"]:
            print(f"| {name} | {rps:,.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {errors} | {rps / ceiling:.2f} |")
        for n in s["notes"]:
            print(f"\n{n}")

if __name__ == "__main__":
    main(sys.argv[1])
