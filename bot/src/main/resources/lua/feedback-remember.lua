-- Keeps what a guide was given for under the token its feedback buttons carry, for a few days.
-- KEYS: given
-- ARGV: question, guide, chat, ttlSeconds
local given = KEYS[1]
local question, guide, chat, ttlSeconds = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
redis.call('HSET', given, 'q', question, 'g', guide, 'c', chat)
redis.call('EXPIRE', given, ttlSeconds)
return 1
