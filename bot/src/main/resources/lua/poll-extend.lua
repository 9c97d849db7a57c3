-- Moves the deadline of an open poll. Returns 0 when it is closed or unknown.
-- KEYS: meta
-- ARGV: closesAt
local meta = KEYS[1]
local closesAt = ARGV[1]
if redis.call('HGET', meta, 'status') ~= 'open' then return 0 end
redis.call('HSET', meta, 'closesAt', closesAt)
return 1
