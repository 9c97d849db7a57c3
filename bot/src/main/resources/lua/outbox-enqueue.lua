-- Adds a message due now, unless its id is pending, dead or recently delivered.
-- KEYS: due, msg, attempts, done
-- ARGV: id, payload, now
local due, msg, attempts, done = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, payload, now = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HEXISTS', msg, id) == 1 or redis.call('EXISTS', done) == 1 then return 0 end
redis.call('HSET', msg, id, payload)
redis.call('HSET', attempts, id, 0)
redis.call('ZADD', due, now, id)
return 1
