-- Counts one person's vote on a feedback token once; an unhelpful vote also counts the question
-- with the guide it got (capped, the least counted dropped first).
-- Returns false for an unknown token, else {question, guide, chat, 1 if counted else 0}.
-- KEYS: given, voters, helpful, unhelpful, unhelpfulCounts, unhelpfulSeen
-- ARGV: voter, vote, now, ttlSeconds, cap
local given, voters, helpful, unhelpful = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local unhelpfulCounts, unhelpfulSeen = KEYS[5], KEYS[6]
local voter, vote, now, ttlSeconds, cap = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
local record = redis.call('HMGET', given, 'q', 'g', 'c')
if not record[2] then return false end
local first = redis.call('HSETNX', voters, voter, vote)
redis.call('EXPIRE', voters, ttlSeconds)
if first == 0 then return {record[1], record[2], record[3], 0} end
if vote == 'y' then
  redis.call('HINCRBY', helpful, record[2], 1)
else
  redis.call('HINCRBY', unhelpful, record[2], 1)
  local member = record[2] .. '\t' .. record[1]
  redis.call('ZINCRBY', unhelpfulCounts, 1, member)
  redis.call('HSET', unhelpfulSeen, member, now)
  local size = redis.call('ZCARD', unhelpfulCounts)
  if size > cap then
    local dropped = redis.call('ZRANGE', unhelpfulCounts, 0, size - cap - 1)
    redis.call('ZREMRANGEBYRANK', unhelpfulCounts, 0, size - cap - 1)
    for _, m in ipairs(dropped) do redis.call('HDEL', unhelpfulSeen, m) end
  end
end
return {record[1], record[2], record[3], 1}
