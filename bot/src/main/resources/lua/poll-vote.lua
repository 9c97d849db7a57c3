-- Casts or replaces one ballot: is the poll open, is the choice valid, is the voter's household on
-- the register; then the earlier ballot under the same ballot key is taken out of the tallies and
-- the new one put in. Returns {'refused', reason} or {'counted' | 'changed', previousChoices,
-- previousCaster, receipt}.
-- household: the voter's bound household ('' for none); caster and reason: '' to keep none.
-- voter: for a secret ballot, a keyed hash of the voter ('' otherwise): each voter keeps their own
-- receipt (in voters), and the receipt of a household member whose ballot a later member's
-- replaced goes to replaced, so that it is published as such.
-- A secret ballot's household floor area is not added to any tally: written next to the ballot, it
-- would name the household in the append-only file. The areas of a secret poll are counted from its
-- ballots with the poll's key (PollStore); 'changes' counts its accepted votes, so that the close
-- knows that the ballots it counted are still the ones there.
-- KEYS: meta, ballots, tally, areaTally, electorate, reasons, voters, replaced
-- ARGV: ballot, choices, now, household, caster, newReceipt, reason, voter
local meta, ballots, tally, areaTally, electorate = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local reasons, voters, replaced = KEYS[6], KEYS[7], KEYS[8]
local ballot, choices, now, household = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local caster, newReceipt, reason, voter = ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local status = redis.call('HGET', meta, 'status')
if not status then return {'refused', 'unknown'} end
if status ~= 'open' then return {'refused', 'closed'} end
if now < tonumber(redis.call('HGET', meta, 'opensAt')) then return {'refused', 'not_open'} end
if now >= tonumber(redis.call('HGET', meta, 'closesAt')) then return {'refused', 'closed'} end
local n = tonumber(redis.call('HGET', meta, 'optionCount'))
local multi = tonumber(redis.call('HGET', meta, 'multi'))
local chosen = {}
local seen = {}
for c in string.gmatch(choices, '[^,]+') do
  local k = tonumber(c)
  if not k or k < 1 or k > n or seen[k] then return {'refused', 'option'} end
  seen[k] = true
  table.insert(chosen, k)
end
if #chosen == 0 or #chosen > multi then return {'refused', 'count'} end
local area = 0
local secret = redis.call('HGET', meta, 'anonymous') == '1'
if redis.call('HGET', meta, 'register') == '1' then
  if household == '' then return {'refused', 'unbound'} end
  local a = redis.call('HGET', electorate, household)
  if not a then return {'refused', 'ineligible'} end
  if not secret then area = tonumber(a) end
end
local previous = redis.call('HGET', ballots, ballot)
local previousChoices = ''
local previousCaster = ''
local receipt = newReceipt
local mine = nil
if voter ~= '' then
  mine = redis.call('HGET', voters, voter)
  if mine then receipt = mine else redis.call('HSET', voters, voter, newReceipt) end
end
if previous then
  local a, b = string.find(previous, '|', 1, true)
  previousChoices = string.sub(previous, 1, a - 1)
  local rest = string.sub(previous, a + 1)
  local c = string.find(rest, '|', 1, true)
  previousCaster = string.sub(rest, 1, c - 1)
  local previousReceipt = string.sub(rest, c + 1)
  if voter == '' then
    receipt = previousReceipt
  elseif previousReceipt ~= receipt then
    redis.call('HSET', replaced, previousReceipt, '1')
  end
  for k in string.gmatch(previousChoices, '[^,]+') do
    redis.call('HINCRBY', tally, k, -1)
    if area > 0 then redis.call('HINCRBY', areaTally, k, -area) end
  end
else
  redis.call('HINCRBY', meta, 'ballots', 1)
  if area > 0 then redis.call('HINCRBY', meta, 'participatingArea', area) end
end
for _, k in ipairs(chosen) do
  redis.call('HINCRBY', tally, tostring(k), 1)
  if area > 0 then redis.call('HINCRBY', areaTally, tostring(k), area) end
end
if mine then redis.call('HDEL', replaced, receipt) end
redis.call('HSET', ballots, ballot, choices .. '|' .. caster .. '|' .. receipt)
if secret then redis.call('HINCRBY', meta, 'changes', 1) end
if reason ~= '' then
  redis.call('HSET', reasons, ballot, reason)
elseif previous then
  redis.call('HDEL', reasons, ballot)
end
if previous then return {'changed', previousChoices, previousCaster, receipt} end
return {'counted', '', '', receipt}
