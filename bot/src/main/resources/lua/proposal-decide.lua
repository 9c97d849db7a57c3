-- Moves a proposal from one status to another, once: agenda -> accepted (with its poll), agenda
-- -> declined (with the reason published), accepted -> agenda (its poll could not be opened),
-- open -> expired (only past its deadline). Returns 1 only for the call that moved it.
-- poll and reason: '' for none.
-- KEYS: meta
-- ARGV: from, to, now, poll, reason
local meta = KEYS[1]
local from, to, now, poll, reason = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
if redis.call('HGET', meta, 'status') ~= from then return 0 end
if to == 'expired' and now < tonumber(redis.call('HGET', meta, 'deadline')) then return 0 end
redis.call('HSET', meta, 'status', to, 'decidedAt', now, 'poll', poll, 'reason', reason)
return 1
