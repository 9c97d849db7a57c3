-- A new category brings its time limit; the due time (and time left, if paused) move by the
-- difference, and an emergency becomes urgent. Returns 0 for an unknown ticket.
-- KEYS: ticket
-- ARGV: category, limitMs
local ticket = KEYS[1]
local category, limitMs = ARGV[1], ARGV[2]
if redis.call('EXISTS', ticket) == 0 then return 0 end
local delta = tonumber(limitMs) - tonumber(redis.call('HGET', ticket, 'limitMs'))
redis.call('HSET', ticket, 'category', category, 'limitMs', limitMs)
if category == 'emergency' then redis.call('HSET', ticket, 'urgent', '1') end
redis.call('HINCRBY', ticket, 'dueAt', delta)
if redis.call('HEXISTS', ticket, 'remainingMs') == 1 then redis.call('HINCRBY', ticket, 'remainingMs', delta) end
redis.call('HINCRBY', ticket, 'rev', 1)
return 1
