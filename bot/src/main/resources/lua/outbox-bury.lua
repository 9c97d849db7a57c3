-- Turns a claimed message into a dead letter, if the claim still holds.
-- KEYS: due, lease, errors, dead
-- ARGV: id, token, reason, now
local due, lease, errors, dead = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, token, reason, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', lease, id) ~= token then return 0 end
redis.call('HDEL', lease, id)
redis.call('ZREM', due, id)
redis.call('HSET', errors, id, reason)
redis.call('ZADD', dead, now, id)
return 1
