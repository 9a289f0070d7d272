-- wrk script for the intake benchmark (../shared/bench/intake): POST /hooks/intake with
-- {"patient_id", "score"}, score alternating 3 and 9, and every reply checked: 200 with
-- "status":"done" and the route the score calls for. Bad replies are counted and reported.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  bad = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local score = (n % 2 == 0) and 9 or 3
  return wrk.format(nil, "/hooks/intake",
    nil, string.format('{"patient_id":"p-%d","score":%d}', n, score))
end

function response(status, headers, body)
  if status ~= 200 or not body:find('"status":"done"', 1, true)
     or not (body:find('"route":"booking"', 1, true) or body:find('"route":"followup"', 1, true)) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do
    total = total + t:get("bad")
  end
  io.write(string.format("CHECK bad_replies=%d socket_errors=%d p50_us=%d p99_us=%d max_us=%d rps=%.1f\n",
    total, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max,
    summary.requests / (summary.duration / 1e6)))
end
