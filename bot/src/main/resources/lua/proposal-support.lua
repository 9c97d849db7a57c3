-- One resident's support of a proposal, counted once per resident: while it collects supports
-- (until its deadline) and while it waits on the agenda. The support that reaches the threshold
-- puts the proposal on the agenda; a proposal found past its deadline below the threshold is
-- closed as expired.
-- Returns {outcome, supports, status}: outcome 'counted', 'reached' (this support reached the
-- threshold), 'again' (this resident had supported it already), 'expired' or 'closed'
-- (accepted, declined or expired before), 'unknown'.
-- KEYS: meta, supporters
-- ARGV: supporter, now
local meta, supporters = KEYS[1], KEYS[2]
local supporter, now = ARGV[1], tonumber(ARGV[2])
local status = redis.call('HGET', meta, 'status')
if not status then return {'unknown', 0, ''} end
local supports = tonumber(redis.call('HGET', meta, 'supports'))
if status == 'open' and now >= tonumber(redis.call('HGET', meta, 'deadline')) then
  redis.call('HSET', meta, 'status', 'expired', 'decidedAt', now)
  return {'expired', supports, 'expired'}
end
if status ~= 'open' and status ~= 'agenda' then return {'closed', supports, status} end
if redis.call('SADD', supporters, supporter) == 0 then return {'again', supports, status} end
supports = redis.call('HINCRBY', meta, 'supports', 1)
if status == 'open' and supports >= tonumber(redis.call('HGET', meta, 'threshold')) then
  redis.call('HSET', meta, 'status', 'agenda', 'agendaAt', now)
  return {'reached', supports, 'agenda'}
end
return {'counted', supports, status}
