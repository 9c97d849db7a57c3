-- The latest dead letters, newest first: {id, buriedAt, payload, attempts, errors, ...}.
-- KEYS: dead, msg, attempts, errors
-- ARGV: limit
local dead, msg, attempts, errors = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local limit = tonumber(ARGV[1])
local ids = redis.call('ZREVRANGE', dead, 0, limit - 1, 'WITHSCORES')
local out = {}
for i = 1, #ids, 2 do
  local id = ids[i]
  table.insert(out, id)
  table.insert(out, ids[i + 1])
  table.insert(out, redis.call('HGET', msg, id) or '{}')
  table.insert(out, redis.call('HGET', attempts, id) or '0')
  table.insert(out, redis.call('HGET', errors, id) or '')
end
return out
