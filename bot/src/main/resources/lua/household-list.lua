-- Every household with the number of identities bound to it: {id, record JSON, members, ...}.
-- The caller listed the household ids first and passes their member keys in the same order;
-- false when a household was added since (list again).
-- KEYS: register, members...
-- ARGV: households...
local register = KEYS[1]
local position = {}
for i, id in ipairs(ARGV) do position[id] = i + 1 end
local all = redis.call('HGETALL', register)
local out = {}
for i = 1, #all, 2 do
  local k = position[all[i]]
  if not k then return false end
  table.insert(out, all[i])
  table.insert(out, all[i + 1])
  table.insert(out, redis.call('SCARD', KEYS[k]))
end
return out
