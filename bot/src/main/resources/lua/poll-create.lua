-- Stores a new poll's definition and its register snapshot, unless the id is taken.
-- pairs: fieldCount field/value pairs of the definition, then household/area pairs of the register.
-- KEYS: meta, electorate
-- ARGV: fieldCount, pairs...
local meta, electorate = KEYS[1], KEYS[2]
local fieldCount = tonumber(ARGV[1])
if redis.call('EXISTS', meta) == 1 then return 0 end
for i = 2, 1 + 2 * fieldCount, 2 do redis.call('HSET', meta, ARGV[i], ARGV[i + 1]) end
for i = 2 + 2 * fieldCount, #ARGV, 2 do redis.call('HSET', electorate, ARGV[i], ARGV[i + 1]) end
return 1
