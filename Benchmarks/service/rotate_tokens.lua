-- wrk script for the CDS Hooks service benchmark: every request carries a token of its own
-- (each jti is single-use), taken in turn from the tokens file (argument 3); each wrk thread takes a disjoint
-- slice, so no two requests share a token. The body (a patient-view call with 200 prefetched
-- Observations) is the same for every request.
local tokens = {}
local body = nil
local thread_index = 0
local threads = {}

function setup(thread)
  thread:set("index", thread_index)
  thread_index = thread_index + 1
  table.insert(threads, thread)
end

function init(args)
  local dir = args[1]
  local f = assert(io.open(dir .. "/body.json", "rb"))
  body = f:read("*a")
  f:close()
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
  return wrk.format("POST", "/cds-services/twitch-triage",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function done(summary, latency, requests)
  local statuses = summary.errors.status
  io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d p50_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, statuses, latency:percentile(50), latency:percentile(99), latency.max))
end
