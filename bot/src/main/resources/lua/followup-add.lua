-- Records one follow-up step of a decided poll (what was done, as JSON), and with done = '1'
-- marks the matter done; nothing is added once it is done.
-- Returns {'recorded', n} (n: the step's number, from 1) or {'done', steps so far}.
-- KEYS: meta, steps
-- ARGV: step, done, now
local meta, steps = KEYS[1], KEYS[2]
local step, done, now = ARGV[1], ARGV[2], ARGV[3]
if redis.call('HGET', meta, 'done') == '1' then return {'done', redis.call('LLEN', steps)} end
local n = redis.call('RPUSH', steps, step)
redis.call('HSET', meta, 'updatedAt', now)
if done == '1' then redis.call('HSET', meta, 'done', '1', 'doneAt', now) end
return {'recorded', n}
