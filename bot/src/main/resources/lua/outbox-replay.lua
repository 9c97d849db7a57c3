-- Makes a dead letter pending again, due now, with no attempts.
-- KEYS: due, attempts, errors, dead
-- ARGV: id, now
local due, attempts, errors, dead = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, now = ARGV[1], ARGV[2]
if redis.call('ZREM', dead, id) == 0 then return 0 end
redis.call('ZADD', due, now, id)
redis.call('HSET', attempts, id, 0)
redis.call('HDEL', errors, id)
return 1
