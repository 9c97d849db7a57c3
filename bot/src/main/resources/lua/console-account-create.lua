-- Creates a console account only when no account of that name exists — and, for the bootstrap
-- admin (onlyFirst = '1'), only while no account exists at all, so instances starting together
-- create it once: its hash and its name in the set of every account, together. Returns 1 when
-- created, 0 when refused.
-- KEYS: account, accounts
-- ARGV: name, role, communities, password, created, onlyFirst
local account, accounts = KEYS[1], KEYS[2]
local name, role, communities, password, created, onlyFirst = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
if redis.call('EXISTS', account) == 1 then
  return 0
end
if onlyFirst == '1' and redis.call('SCARD', accounts) > 0 then
  return 0
end
redis.call('HSET', account, 'role', role, 'communities', communities, 'password', password,
  'disabled', '0', 'created', created)
redis.call('SADD', accounts, name)
return 1
