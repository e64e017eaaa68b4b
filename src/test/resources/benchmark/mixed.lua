-- wrk script for SearchBenchmark (the list page, the map, the mixed load): each thread
-- walks the URL file it is given (one path per line), from its own starting point.
local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local urls = {}
local next = 1

function init(args)
  for line in io.lines(args[1]) do
    urls[#urls + 1] = line
  end
  next = 1 + (id * 100003) % #urls
end

function request()
  local path = urls[next]
  next = next % #urls + 1
  return wrk.format("GET", path)
end
