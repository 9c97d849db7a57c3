-- Stores a new proposal, with the proposer's own support counted, unless the id is taken. A
-- threshold the proposer alone reaches puts it on the agenda at once.
-- proposer: the proposer's identity ('' for none); pairs: field/value pairs of the definition.
-- Returns 0 (id taken), 1 (collecting supports) or 2 (on the agenda).
-- KEYS: meta, supporters
-- ARGV: proposer, now, pairs...
local meta, supporters = KEYS[1], KEYS[2]
local proposer, now = ARGV[1], ARGV[2]
if redis.call('EXISTS', meta) == 1 then return 0 end
for i = 3, #ARGV, 2 do redis.call('HSET', meta, ARGV[i], ARGV[i + 1]) end
local count = 0
if proposer ~= '' then
  redis.call('SADD', supporters, proposer)
  count = 1
end
redis.call('HSET', meta, 'supports', count, 'status', 'open')
if count >= tonumber(redis.call('HGET', meta, 'threshold')) then
  redis.call('HSET', meta, 'status', 'agenda', 'agendaAt', now)
  return 2
end
return 1
