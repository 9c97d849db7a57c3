-- Renews the leadership key when this instance holds it, or takes it when nobody does.
-- Returns 1 while this instance leads, else 0.
-- KEYS: leader
-- ARGV: me, ttlMillis
local leader = KEYS[1]
local me, ttlMillis = ARGV[1], ARGV[2]
if redis.call('GET', leader) == me then
  return redis.call('PEXPIRE', leader, ttlMillis)
end
if redis.call('SET', leader, me, 'NX', 'PX', ttlMillis) then return 1 end
return 0
