-- Moves a ticket's due time to where the working calendar puts it (a working-day limit resumed
-- after waiting for the resident, or reopened), unless the ticket changed since it was read at
-- revision rev. Returns 1 when moved, 0 when the ticket is unknown or changed meanwhile.
-- KEYS: ticket
-- ARGV: rev, dueAt
local ticket = KEYS[1]
local rev, dueAt = ARGV[1], ARGV[2]
local current = redis.call('HGET', ticket, 'rev')
if not current or current ~= rev then return 0 end
redis.call('HSET', ticket, 'dueAt', dueAt)
redis.call('HINCRBY', ticket, 'rev', 1)
return 1
