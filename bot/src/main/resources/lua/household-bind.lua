-- Uses up a binding code and binds the identity to its household, replacing any earlier binding;
-- both audit lists get a line. The caller read the code's household and the identity's earlier
-- household first (expectedHousehold, expectedPrevious; '' for none) and passes their member and
-- audit keys; when either changed since, nothing changes and the answer is {'stale'}: read again.
-- Wrong codes are counted in three windows: the identity's (tries), the household the identity is
-- bound to (householdTries, when bound) and the whole community's across identities
-- (communityTries); while any of them is full, no code is checked, not even a right one.
-- Returns {'too_many'}, {'used'}, {'unknown'}, {'stale'} or
-- {'bound', household, record, previous or '', previousRecord or ''}; a wrong code that fills the
-- community's window answers {'unknown', 'community_full'} (or 'used'), once per window.
-- KEYS: register, bindings, code, used, tries, members, audit, previousMembers, previousAudit, householdTries, communityTries
-- ARGV: identity, at, expectedHousehold, expectedPrevious, maxWrongCodes, triesWindowMillis, auditLength, maxHouseholdWrongCodes, maxCommunityWrongCodes
local register, bindings, code, used, tries = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local members, audit, previousMembers, previousAudit = KEYS[6], KEYS[7], KEYS[8], KEYS[9]
local householdTries, communityTries = KEYS[10], KEYS[11]
local identity, at, expectedHousehold, expectedPrevious = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local maxWrongCodes, triesWindowMillis, auditLength = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7])
local maxHouseholdWrongCodes, maxCommunityWrongCodes = tonumber(ARGV[8]), tonumber(ARGV[9])
local function number(value) return tonumber(value or '0') end
if number(redis.call('GET', tries)) >= maxWrongCodes then return {'too_many'} end
if number(redis.call('GET', communityTries)) >= maxCommunityWrongCodes then return {'too_many'} end
local household = redis.call('GET', code)
local previous = redis.call('HGET', bindings, identity)
if (household or '') ~= expectedHousehold or (previous or '') ~= expectedPrevious then return {'stale'} end
if previous and number(redis.call('GET', householdTries)) >= maxHouseholdWrongCodes then return {'too_many'} end
local record = household and redis.call('HGET', register, household)
if not record then
  if redis.call('INCR', tries) == 1 then redis.call('PEXPIRE', tries, triesWindowMillis) end
  if previous and redis.call('INCR', householdTries) == 1 then
    redis.call('PEXPIRE', householdTries, triesWindowMillis)
  end
  local community = redis.call('INCR', communityTries)
  if community == 1 then redis.call('PEXPIRE', communityTries, triesWindowMillis) end
  local filled = community == maxCommunityWrongCodes and 'community_full' or ''
  if redis.call('EXISTS', used) == 1 then return {'used', filled} end
  return {'unknown', filled}
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
