-- Moves a ticket to a new status if allowed from its current one (allowedFrom: ',a,b,'), and
-- appends the event. The clock: entering waiting_resident keeps the time left; leaving it moves
-- the due time to now + time left; reopening a resolved ticket gives it a fresh time limit. The
-- first resolution records whether it came in time. Returns {'ok' | 'refused' | 'unknown', status}.
-- KEYS: ticket, history
-- ARGV: to, at, event, allowedFrom
local ticket, history = KEYS[1], KEYS[2]
local to, at, event, allowedFrom = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local status = redis.call('HGET', ticket, 'status')
if not status then return {'unknown', ''} end
if not string.find(allowedFrom, ',' .. status .. ',', 1, true) then return {'refused', status} end
local due = tonumber(redis.call('HGET', ticket, 'dueAt'))
if to == 'waiting_resident' then
  redis.call('HSET', ticket, 'remainingMs', due - at)
elseif status == 'waiting_resident' then
  if to == 'in_progress' then
    redis.call('HSET', ticket, 'dueAt', at + tonumber(redis.call('HGET', ticket, 'remainingMs')))
  end
  redis.call('HDEL', ticket, 'remainingMs')
elseif status == 'resolved' and to == 'in_progress' then
  redis.call('HSET', ticket, 'dueAt', at + tonumber(redis.call('HGET', ticket, 'limitMs')))
end
if to == 'resolved' and redis.call('HEXISTS', ticket, 'firstResolvedAt') == 0 then
  redis.call('HSET', ticket, 'firstResolvedAt', at, 'resolvedInTime', at <= due and '1' or '0')
end
redis.call('HSET', ticket, 'status', to)
redis.call('HINCRBY', ticket, 'rev', 1)
redis.call('RPUSH', history, event)
return {'ok', status}
