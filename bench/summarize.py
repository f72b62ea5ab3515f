"""Turns a bench/run results file into a Markdown table: per database and path, req/s, latency percentiles, errors,
and each path's throughput as a share of the one-EF-Core-row ceiling measured in the same run, with the server's own
latency for the same requests where the run measured it."""
import sys

def main(path):
    sections, current = [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("== "):
            current = {"title": line[3:], "rows": [], "notes": []}
            sections.append(current)
        elif current and " RESULT " in f" {line}":
            fields = line.split()
            name, _, rps, p50, p95, p99, errors, total = fields[:8]
            # The server's own latency for the same requests (runs since the twenty-fifth session): n p50 p95 p99 max.
            server = fields[9:14] if len(fields) >= 14 and fields[8] == "SERVER" else None
            current["rows"].append((name, float(rps), float(p50), float(p95), float(p99), int(errors), int(total), server))
        elif current and line.startswith(("cold start", "peak working set", "private memory sampled", "National figures", "csv import", "search first ask", "errors the app logged", "postgresql while")):
            current["notes"].append(line)
    for s in sections:
        ceiling = next((r[1] for r in s["rows"] if r[0] == "ceiling:ef-one-row"), 0) or 1
        print(f"\n### {s['title']}\n")
        print("| path | req/s | p50 ms | p95 ms | p99 ms | errors | × EF-row ceiling | server p50 / p95 / p99 / max ms |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for name, rps, p50, p95, p99, errors, _, server in s["rows"]:
            inside = " / ".join(server[1:]) if server else "–"
            print(f"| {name} | {rps:,.0f} | {p50:.1f} | {p95:.1f} | {p99:.1f} | {errors} | {rps / ceiling:.2f} | {inside} |")
        for n in s["notes"]:
            print(f"\n{n}")

if __name__ == "__main__":
    main(sys.argv[1])
