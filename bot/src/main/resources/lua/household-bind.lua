-- Uses up a binding code and binds the identity to its household, replacing any earlier binding;
-- both audit lists get a line. The caller read the code's household and the identity's earlier
-- household first (expectedHousehold, expectedPrevious; '' for none) and passes their member and
-- audit keys; when either changed since, nothing changes and the answer is {'stale'}: read again.
-- Returns {'too_many'}, {'used'}, {'unknown'}, {'stale'} or
-- {'bound', household, record, previous or '', previousRecord or ''}.
-- KEYS: register, bindings, code, used, tries, members, audit, previousMembers, previousAudit
-- ARGV: identity, at, expectedHousehold, expectedPrevious, maxWrongCodes, triesWindowMillis, auditLength
local register, bindings, code, used, tries = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local members, audit, previousMembers, previousAudit = KEYS[6], KEYS[7], KEYS[8], KEYS[9]
local identity, at, expectedHousehold, expectedPrevious = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local maxWrongCodes, triesWindowMillis, auditLength = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
if tonumber(redis.call('GET', tries) or '0') >= maxWrongCodes then return {'too_many'} end
local household = redis.call('GET', code)
local previous = redis.call('HGET', bindings, identity)
if (household or '') ~= expectedHousehold or (previous or '') ~= expectedPrevious then return {'stale'} end
local record = household and redis.call('HGET', register, household)
if not record then
  if redis.call('INCR', tries) == 1 then redis.call('PEXPIRE', tries, triesWindowMillis) end
  if redis.call('EXISTS', used) == 1 then return {'used'} end
  return {'unknown'}
end
local ttl = redis.call('PTTL', code)
redis.call('DEL', code)
if ttl > 0 then redis.call('SET', used, household, 'PX', ttl) end
local previousRecord = ''
if previous then
  previousRecord = redis.call('HGET', register, previous) or ''
  redis.call('SREM', previousMembers, identity)
end
redis.call('HSET', bindings, identity, household)
redis.call('SADD', members, identity)
local last = auditLength - 1
local entry = {at = at, event = 'bound', identity = identity}
if previous then entry.previous = previous end
redis.call('LPUSH', audit, cjson.encode(entry))
redis.call('LTRIM', audit, 0, last)
if previous and previous ~= household then
  redis.call('LPUSH', previousAudit, cjson.encode({at = at, event = 'left', identity = identity, next = household}))
  redis.call('LTRIM', previousAudit, 0, last)
end
return {'bound', household, record, previous or '', previousRecord}
