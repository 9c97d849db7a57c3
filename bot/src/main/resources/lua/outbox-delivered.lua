-- Removes a delivered message and marks its id delivered for keepMillis, if the claim still holds.
-- KEYS: due, msg, attempts, lease, errors, done
-- ARGV: id, token, keepMillis, now
local due, msg, attempts, lease, errors, done = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local id, token, keepMillis, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', lease, id) ~= token then return 0 end
redis.call('ZREM', due, id)
redis.call('HDEL', msg, id)
redis.call('HDEL', attempts, id)
redis.call('HDEL', lease, id)
redis.call('HDEL', errors, id)
redis.call('SET', done, now, 'PX', keepMillis)
return 1
