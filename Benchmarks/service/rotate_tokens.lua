-- wrk script for the CDS Hooks service benchmark: every request carries a token of its own
-- (each jti is single-use), taken in turn from the tokens file (argument 3); each wrk thread takes a disjoint
-- slice, so no two requests share a token. Bodies (patient-view calls with 200 prefetched
-- Observations) are body-0.json … body-(N-1).json, N = argument 4 (default 1), taken in turn:
-- N = 1 repeats one prefetch (the service's memo of re-evaluations is hit), N > the memo's
-- size makes every call re-evaluate.
local tokens = {}
local bodies = {}
local thread_index = 0
local threads = {}

function setup(thread)
  thread:set("index", thread_index)
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  local dir = args[1]
  local count_bodies = tonumber(args[4] or "1")
  for b = 0, count_bodies - 1 do
    local f = assert(io.open(dir .. "/body-" .. b .. ".json", "rb"))
    table.insert(bodies, f:read("*a"))
    f:close()
  end
  local all = {}
  for line in io.lines(dir .. "/" .. (args[3] or "tokens.txt")) do table.insert(all, line) end
  local count = tonumber(args[2])
  local per = math.floor(#all / count)
  for i = index * per + 1, (index + 1) * per do table.insert(tokens, all[i]) end
  position = 0
end

function request()
  position = position + 1
  local token = tokens[position]
  if token == nil then token = "exhausted" end
  local body = bodies[((position + index * 7) % #bodies) + 1]
  return wrk.format("POST", "/cds-services/twitch-triage",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local statuses = summary.errors.status
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, statuses, latency:percentile(50), latency:percentile(99), latency.max))
end
