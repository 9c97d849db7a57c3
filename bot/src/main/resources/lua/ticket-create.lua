-- Stores a new ticket with its first history event, unless the receipt is taken.
-- KEYS: ticket, history
-- ARGV: firstEvent, fields...
local ticket, history = KEYS[1], KEYS[2]
local firstEvent = ARGV[1]
if redis.call('EXISTS', ticket) == 1 then return 0 end
for i = 2, #ARGV, 2 do redis.call('HSET', ticket, ARGV[i], ARGV[i + 1]) end
redis.call('RPUSH', history, firstEvent)
return 1
