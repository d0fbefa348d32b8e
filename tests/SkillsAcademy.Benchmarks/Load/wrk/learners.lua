-- A pool of signed-in learners: wrk -s learners.lua <url> -- <cookie file> <path>
-- The cookie file holds one Cookie header value per line (one learner each). Every request takes the next
-- learner's cookies, each thread starting at a different place, so consecutive requests on one connection are
-- different learners. Counts responses outside 2xx (a lost session answers 302 to the log-in page) and ends with
-- one line "@@ {json}" that the harness (Load/Wrk.cs) reads.
local threads = {}
local next_offset = 0

function setup(thread)
  thread:set("offset", next_offset)
  next_offset = next_offset + 1
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  counter = 0
  cookies = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(cookies, line)
    end
  end
  path = args[2]
  counter = (offset or 0) * 7919
end

function request()
  counter = counter + 1
  return wrk.format("GET", path, { ["Cookie"] = cookies[(counter % #cookies) + 1] })
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
