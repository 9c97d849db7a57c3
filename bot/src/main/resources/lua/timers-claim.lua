-- Claims the due members of a timer set by moving their score to the end of a lease.
-- KEYS: timers
-- ARGV: now, leaseUntil, limit
local timers = KEYS[1]
local now, leaseUntil, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local due = redis.call('ZRANGEBYSCORE', timers, '-inf', now, 'LIMIT', 0, limit)
for _, m in ipairs(due) do redis.call('ZADD', timers, leaseUntil, m) end
return due
