-- The resident's rating of a resolved ticket: 3-5 stars close it, 1-2 reopen it with a fresh time
-- limit. The rating is a line of its own in the history (ratingEvent), followed by the move it
-- causes; every rating is kept. Returns {'ok' | 'refused' | 'unknown', status}.
-- KEYS: ticket, history
-- ARGV: stars, comment, at, reopenEvent, closeEvent, ratingEvent
local ticket, history = KEYS[1], KEYS[2]
local stars, comment, at, reopenEvent, closeEvent = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4], ARGV[5]
local ratingEvent = ARGV[6]
local status = redis.call('HGET', ticket, 'status')
if not status then return {'unknown', ''} end
if status ~= 'resolved' then return {'refused', status} end
redis.call('HSET', ticket, 'rating', stars, 'comment', comment, 'ratedAt', at)
redis.call('RPUSH', history, ratingEvent)
if tonumber(stars) <= 2 then
  redis.call('HSET', ticket, 'status', 'in_progress', 'dueAt', at + tonumber(redis.call('HGET', ticket, 'limitMs')))
  redis.call('RPUSH', history, reopenEvent)
else
  redis.call('HSET', ticket, 'status', 'closed')
  redis.call('RPUSH', history, closeEvent)
end
redis.call('HINCRBY', ticket, 'rev', 1)
return {'ok', status}
