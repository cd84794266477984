-- wrk script for `make bench-serve`: each thread takes every Nth session id from a file
-- and sends their turns round-robin, so that a session's turns go one after another.
-- bench_serve.py stops wrk (SIGINT) once the server has answered the turns it wants,
-- because wrk itself runs for its whole duration. In "bare" mode it sends the requests to
-- the bare route instead.
-- Arguments (after --): IDS_FILE THREADS [bare]
local threads = {}
local counter = 1

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local lines = { "repeat", "what is baclofen", "back", "how long does withdrawal last",
                "my legs ache and I can't sleep", "is baclofen addictive", "2", "help" }
local ids, sent, bare = {}, 0, false
errors = 0

function init(args)
  local nthreads = tonumber(args[2])
  bare = args[3] == "bare"
  local k = 0
  for line in io.lines(args[1]) do
    if k % nthreads == index - 1 then table.insert(ids, line) end
    k = k + 1
  end
end

function request()
  local i = sent % #ids + 1
  local round = math.floor(sent / #ids)
  sent = sent + 1
  local body = '{"input":"' .. lines[round % #lines + 1] .. '"}'
  local path = bare and "/bench/bare" or ("/v1/sessions/" .. ids[i] .. "/turns")
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, t in ipairs(threads) do failed = failed + (t:get("errors") or 0) end
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "p50_us": %.1f, "p99_us": %.1f, "failed": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99), failed,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
