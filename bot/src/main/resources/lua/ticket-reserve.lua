-- Gives out the next receipt number of the day and indexes it, unless the resident has opened
-- perHour tickets within the last hour (a sliding window: the members of their rate set scored
-- after now - 1 h). Returns {'ok', receipt} or {'limited', openedAt of the oldest in the window}.
-- byCommunity: the creation index of the ticket's community, written when inCommunity is '1' (a
-- community other than the default one, whose tickets are read through the whole index).
-- KEYS: rate, sequence, created, byResident, received, revisions, timers, byCommunity
-- ARGV: now, perHour, day, remindAfter, limitMs, inCommunity
local rate, sequence, created, byResident, received = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local revisions, timers, byCommunity = KEYS[6], KEYS[7], KEYS[8]
local now, perHour, day = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local remindAfter, limitMs, inCommunity = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]
redis.call('ZREMRANGEBYSCORE', rate, '-inf', now - 3600000)
if redis.call('ZCARD', rate) >= perHour then
  local oldest = redis.call('ZRANGE', rate, 0, 0, 'WITHSCORES')
  return {'limited', oldest[2]}
end
local seq = redis.call('INCR', sequence)
redis.call('EXPIRE', sequence, 172800)
local receipt = day .. '-' .. string.format('%04d', seq)
redis.call('ZADD', rate, now, receipt)
redis.call('PEXPIRE', rate, 3600000)
redis.call('ZADD', created, now, receipt)
redis.call('ZADD', byResident, now, receipt)
if inCommunity == '1' then redis.call('ZADD', byCommunity, now, receipt) end
redis.call('ZADD', received, now, receipt)
redis.call('HSET', revisions, receipt, 1)
redis.call('ZADD', timers, now + remindAfter, 'remind80:' .. receipt)
redis.call('ZADD', timers, now + limitMs, 'overdue:' .. receipt)
return {'ok', receipt}
