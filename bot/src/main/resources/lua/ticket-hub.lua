-- Remembers what the hub calls the ticket. Returns 0 for an unknown ticket.
-- KEYS: ticket
-- ARGV: hubId, hubToken
local ticket = KEYS[1]
local hubId, hubToken = ARGV[1], ARGV[2]
if redis.call('EXISTS', ticket) == 0 then return 0 end
redis.call('HSET', ticket, 'hubId', hubId, 'hubToken', hubToken)
return 1
