-- One fixed URL (a page or the baseline endpoint). Counts responses outside 2xx (wrk itself counts only >= 400)
-- and ends with one line "@@ {json}" that the harness (Load/Wrk.cs) reads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("bad") or 0)
  end
  io.write(string.format(
    '@@ {"requests":%d,"durationUs":%d,"bytes":%d,"non2xx":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, summary.bytes, non2xx,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(90)), math.floor(latency:percentile(99)), math.floor(latency.max)))
end
