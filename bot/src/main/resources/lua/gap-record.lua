-- Counts one unanswered question and when it was last asked; the set is capped, the least asked
-- dropped first.
-- KEYS: counts, lastSeen
-- ARGV: question, now, cap
local counts, lastSeen = KEYS[1], KEYS[2]
local question, now, cap = ARGV[1], ARGV[2], tonumber(ARGV[3])
redis.call('ZINCRBY', counts, 1, question)
redis.call('HSET', lastSeen, question, now)
local size = redis.call('ZCARD', counts)
if size > cap then
  local dropped = redis.call('ZRANGE', counts, 0, size - cap - 1)
  redis.call('ZREMRANGEBYRANK', counts, 0, size - cap - 1)
  for _, q in ipairs(dropped) do redis.call('HDEL', lastSeen, q) end
end
return 1
