-- wrk script: POSTs {"text": "<question>"} to the URL's path, cycling through a question file, one
-- question a line (UTF-8; blank lines skipped). Every request is built once, in init().
--
--   wrk -t1 -c32 -d30s --latency -s bench/src/main/resources/bench/ask-mixed.lua \
--       http://127.0.0.1:8080/api/v1/ask -- bench/src/main/resources/bench/ask-mixed.txt
--
-- Extra headers (e.g. a token) go after the file:  -- FILE 'Authorization: Bearer t0k'
-- The text is JSON-escaped byte by byte: quote, backslash and control characters are escaped, and
-- every byte from 0x80 up is copied as is, so UTF-8 (emoji outside the BMP, ZWJ sequences) arrives
-- exactly as written in the file.

local requests = {}
local count = 0
local counter = 0

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
                  ['\b'] = '\\b', ['\f'] = '\\f' }

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format('\\u%04x', c:byte())
  end) .. '"'
end

function init(args)
  local file = args[1] or "bench/src/main/resources/bench/ask-mixed.txt"
  local path = wrk.path
  if path == nil or path == "" or path == "/" then
    path = "/api/v1/ask"
  end
  local headers = { ["Content-Type"] = "application/json; charset=utf-8" }
  for i = 2, #args do
    local name, value = args[i]:match("^([^:]+):%s*(.*)$")
    if name then
      headers[name] = value
    end
  end
  local f = assert(io.open(file, "rb"), "cannot open question file " .. file)
  for line in f:lines() do
    line = line:gsub("\r$", "")
    if line:match("%S") then
      count = count + 1
      requests[count] = wrk.format("POST", path, headers, '{"text":' .. json_string(line) .. '}')
    end
  end
  f:close()
  assert(count > 0, "no questions in " .. file)
end

function request()
  counter = counter % count + 1
  return requests[counter]
end
