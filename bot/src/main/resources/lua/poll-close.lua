-- Closes an open poll (by 'deadline' only once its possibly extended deadline has passed) and
-- deletes the secret-ballot key. Returns 1 only for the call that closed it.
-- KEYS: meta
-- ARGV: now, by
local meta = KEYS[1]
local now, by = ARGV[1], ARGV[2]
if redis.call('HGET', meta, 'status') ~= 'open' then return 0 end
if by == 'deadline' and tonumber(now) < tonumber(redis.call('HGET', meta, 'closesAt')) then
  return 0
end
redis.call('HSET', meta, 'status', 'closed', 'closedAt', now, 'closedBy', by)
redis.call('HDEL', meta, 'ballotSecret')
return 1
