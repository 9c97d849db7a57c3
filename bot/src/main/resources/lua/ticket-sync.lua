-- Brings the indexes and timers in line with a stored ticket at revision rev, unless a later
-- revision was synced already. statuses: every status index in TicketStatus order; the ticket is
-- kept in the one at position (1-based) and taken out of the others. clock: 'run' (schedule the
-- jobs still ahead), 'pause' (drop the jobs not yet due: one already due still fires), 'stop'
-- (drop both).
-- KEYS: revisions, timers, statuses...
-- ARGV: receipt, rev, position, createdAt, clock, remindAt, dueAt, now
local revisions, timers = KEYS[1], KEYS[2]
local receipt, rev, position, createdAt = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local clock, remindAt, dueAt, now = ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[8])
if tonumber(redis.call('HGET', revisions, receipt) or '0') > rev then return 0 end
redis.call('HSET', revisions, receipt, rev)
for i = 3, #KEYS do
  if i - 2 == position then
    redis.call('ZADD', KEYS[i], createdAt, receipt)
  else
    redis.call('ZREM', KEYS[i], receipt)
  end
end
local jobs = {{'remind80:' .. receipt, remindAt}, {'overdue:' .. receipt, dueAt}}
for _, job in ipairs(jobs) do
  if clock == 'run' then
    if job[2] > now then redis.call('ZADD', timers, job[2], job[1]) end
  elseif clock == 'pause' then
    local score = redis.call('ZSCORE', timers, job[1])
    if score and tonumber(score) > now then redis.call('ZREM', timers, job[1]) end
  else
    redis.call('ZREM', timers, job[1])
  end
end
return 1
