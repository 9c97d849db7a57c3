-- Makes a claimed message due again at dueAt, if the claim still holds; refund '1': the attempt
-- does not count.
-- KEYS: due, attempts, lease, errors
-- ARGV: id, token, dueAt, reason, refund
local due, attempts, lease, errors = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local id, token, dueAt, reason, refund = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('HGET', lease, id) ~= token then return 0 end
redis.call('HDEL', lease, id)
redis.call('ZADD', due, dueAt, id)
redis.call('HSET', errors, id, reason)
if refund == '1' then redis.call('HINCRBY', attempts, id, -1) end
return 1
