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

-- Requests never made before (to measure what a cache cannot serve): with BENCH_QUERIES (a file of queries, one per
-- line) each request appends the next query to the URL. BENCH_FROM (default 1) is the line to start from, so the
-- warm-up and the measured run ask different things. The threads take turns.
local queries_file = os.getenv("BENCH_QUERIES")
if queries_file then
  local threads = {}
  function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
  end
  function init(args)
    queries, next_index, step = {}, tonumber(os.getenv("BENCH_FROM") or "1") + id, tonumber(os.getenv("BENCH_THREADS") or "2")
    for line in io.lines(queries_file) do table.insert(queries, line) end
    base = wrk.path
  end
  function request()
    local path = base .. queries[(next_index - 1) % #queries + 1]
    next_index = next_index + step
    return wrk.format(nil, path)
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
