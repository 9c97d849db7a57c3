-- A ticket's hash and history, read together: {fields, events}.
-- KEYS: ticket, history
-- ARGV: (none)
local ticket, history = KEYS[1], KEYS[2]
return {redis.call('HGETALL', ticket), redis.call('LRANGE', history, 0, -1)}
