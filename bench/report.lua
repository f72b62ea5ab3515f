-- wrk script: prints one machine-readable line with throughput, latency percentiles (ms) and errors.
-- With BENCH_METHOD/BENCH_BODY/BENCH_TOKEN in the environment it sends that request instead of a GET (the write path).
local method = os.getenv("BENCH_METHOD")
if method then
  wrk.method = method
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("BENCH_TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
