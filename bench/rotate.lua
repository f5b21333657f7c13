-- wrk script: each thread walks its own share of a list of request paths, one path per request,
-- so no path repeats within a run (while the list is longer than the run) and a URL-keyed
-- response cache never answers.
-- Usage: wrk -t N -s bench/rotate.lua http://127.0.0.1:PORT -- PATHS_FILE N
-- Prints one JSON line at the end, for bench/search_vs_datasette.py to read.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  -- wrk runs setup() and init() thread by thread, so the thread count comes as an argument.
  step = tonumber(args[2])
  -- Thread k takes paths k+1, k+1+step, k+1+2*step, ...: the threads never share a path.
  index = id + 1
end

function request()
  local path = paths[index]
  index = index + step
  if index > #paths then
    index = id + 1
  end
  return wrk.format("GET", path)
end

-- No response() callback: defining one makes wrk hand every response to Lua, which costs wrk
-- CPU on the cores the servers use. wrk counts statuses >= 400 itself (errors.status).
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "bad_status": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout
  ))
end
