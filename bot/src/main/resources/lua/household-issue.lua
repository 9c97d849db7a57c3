-- Issues a binding code for a household on the register, unless the code is live or was used.
-- Returns 'issued', 'taken' or 'unknown'.
-- KEYS: register, code, used
-- ARGV: household, ttlMillis
local register, code, used = KEYS[1], KEYS[2], KEYS[3]
local household, ttlMillis = ARGV[1], ARGV[2]
if redis.call('HEXISTS', register, household) == 0 then return 'unknown' end
if redis.call('EXISTS', code, used) > 0 then return 'taken' end
redis.call('SET', code, household, 'PX', ttlMillis)
return 'issued'
