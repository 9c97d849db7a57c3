-- Adds or replaces households (pairs: id, record JSON, ...). Returns {added, households}.
-- KEYS: register
-- ARGV: pairs...
local register = KEYS[1]
local added = 0
for i = 1, #ARGV, 2 do added = added + redis.call('HSET', register, ARGV[i], ARGV[i + 1]) end
return {added, redis.call('HLEN', register)}
