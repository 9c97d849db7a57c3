-- Closes an open poll (by 'deadline' only once its possibly extended deadline has passed). For a
-- secret ballot, the sealed per-poll key and the voters' receipt map are deleted, and the ballots,
-- reasons and replaced receipts are written again in the order of their keys, so that not even the
-- order in which households voted is left. Returns 1 only for the call that closed it.
-- changes: for a secret poll on the register, the 'changes' its areas were counted at (from the
-- ballots, with the key), '' otherwise; when a vote came in since, nothing is changed and -1 is
-- returned (count again). areas: participating area, then the area of each option.
-- KEYS: meta, ballots, reasons, voters, replaced, area
-- ARGV: now, by, changes, areas
local meta, ballots, reasons, voters, replaced, area = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local now, by, changes, areas = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', meta, 'status') ~= 'open' then return 0 end
if by == 'deadline' and tonumber(now) < tonumber(redis.call('HGET', meta, 'closesAt')) then
  return 0
end
if changes ~= '' then
  if (redis.call('HGET', meta, 'changes') or '0') ~= changes then return -1 end
  local i = 0
  redis.call('DEL', area)
  for a in string.gmatch(areas, '[^,]+') do
    if i == 0 then
      redis.call('HSET', meta, 'participatingArea', a)
    elseif a ~= '0' then
      redis.call('HSET', area, tostring(i), a)
    end
    i = i + 1
  end
end
redis.call('HSET', meta, 'status', 'closed', 'closedAt', now, 'closedBy', by)
redis.call('HDEL', meta, 'sealedBallotKey', 'ballotSecret')
local function sorted(all)
  local fields, values = {}, {}
  for i = 1, #all, 2 do
    table.insert(fields, all[i])
    values[all[i]] = all[i + 1]
  end
  table.sort(fields)
  return fields, values
end
if redis.call('HGET', meta, 'anonymous') == '1' then
  redis.call('DEL', voters)
  local f, v = sorted(redis.call('HGETALL', ballots))
  redis.call('DEL', ballots)
  for _, x in ipairs(f) do redis.call('HSET', ballots, x, v[x]) end
  f, v = sorted(redis.call('HGETALL', reasons))
  redis.call('DEL', reasons)
  for _, x in ipairs(f) do redis.call('HSET', reasons, x, v[x]) end
  f, v = sorted(redis.call('HGETALL', replaced))
  redis.call('DEL', replaced)
  for _, x in ipairs(f) do redis.call('HSET', replaced, x, v[x]) end
end
return 1
