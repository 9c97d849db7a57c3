-- Takes a binding back (a moderator revokes it: a resident moved out, a code was misused): the
-- identity leaves the household's members and the bindings, and the household's audit list gets a
-- 'revoked' line naming who did it. Only when the identity is bound to that household; otherwise
-- nothing changes. Returns 1 when revoked, 0 when it was not bound there.
-- KEYS: bindings, members, audit
-- ARGV: identity, household, at, by, auditLength
local bindings, members, audit = KEYS[1], KEYS[2], KEYS[3]
local identity, household, at, by, auditLength = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5])
if redis.call('HGET', bindings, identity) ~= household then return 0 end
redis.call('HDEL', bindings, identity)
redis.call('SREM', members, identity)
redis.call('LPUSH', audit, cjson.encode({at = at, event = 'revoked', identity = identity, by = by}))
redis.call('LTRIM', audit, 0, auditLength - 1)
return 1
