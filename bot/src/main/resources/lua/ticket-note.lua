-- Appends a line to a ticket's history (a resident's reply, a comment, an evaluation) if the
-- ticket is in one of the statuses allowed (allowedFrom: ',a,b,'), and sets the given fields.
-- With resume '1', a ticket waiting for the resident resumes: it becomes in_progress and its due
-- time moves to now + the time left (the clock runs again). Returns {'ok' | 'refused' | 'unknown',
-- status before}.
-- KEYS: ticket, history
-- ARGV: allowedFrom, at, event, resume, fields...
local ticket, history = KEYS[1], KEYS[2]
local allowedFrom, at, event, resume = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4]
local status = redis.call('HGET', ticket, 'status')
if not status then return {'unknown', ''} end
if not string.find(allowedFrom, ',' .. status .. ',', 1, true) then return {'refused', status} end
if resume == '1' and status == 'waiting_resident' then
  local left = tonumber(redis.call('HGET', ticket, 'remainingMs') or '0')
  redis.call('HSET', ticket, 'status', 'in_progress', 'dueAt', at + left)
  redis.call('HDEL', ticket, 'remainingMs')
end
for i = 5, #ARGV, 2 do redis.call('HSET', ticket, ARGV[i], ARGV[i + 1]) end
redis.call('HINCRBY', ticket, 'rev', 1)
redis.call('RPUSH', history, event)
return {'ok', status}
