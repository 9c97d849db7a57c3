-- Claims up to limit due messages until leaseUntil, counting an attempt for each: moving the due
-- time to the end of the lease is what keeps every other instance off the message.
-- Returns {id, payload, attempt, ...}.
-- KEYS: due, msg, attempts, lease
-- ARGV: now, limit, leaseUntil, token
local due, msg, attempts, lease = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local now, limit, leaseUntil, token = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local ids = redis.call('ZRANGEBYSCORE', due, '-inf', now, 'LIMIT', 0, limit)
local out = {}
for _, id in ipairs(ids) do
  local payload = redis.call('HGET', msg, id)
  if payload then
    redis.call('ZADD', due, leaseUntil, id)
    local attempt = redis.call('HINCRBY', attempts, id, 1)
    redis.call('HSET', lease, id, token)
    table.insert(out, id)
    table.insert(out, payload)
    table.insert(out, attempt)
  else
    redis.call('ZREM', due, id)
  end
end
return out
