-- Removes a claimed member only if its score is still the lease of that claim.
-- KEYS: timers
-- ARGV: member, lease
local timers = KEYS[1]
local member, lease = ARGV[1], ARGV[2]
if tonumber(redis.call('ZSCORE', timers, member)) == tonumber(lease) then
  return redis.call('ZREM', timers, member)
end
return 0
