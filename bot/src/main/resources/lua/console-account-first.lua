-- Creates the first console account (the bootstrap admin) only while no account exists at all, so
-- instances starting together create it once. Returns 1 when created, 0 when accounts exist.
-- KEYS: account, accounts
-- ARGV: name, role, communities, password, created
local account, accounts = KEYS[1], KEYS[2]
local name, role, communities, password, created = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
if redis.call('SCARD', accounts) > 0 or redis.call('EXISTS', account) == 1 then
  return 0
end
redis.call('HSET', account, 'role', role, 'communities', communities, 'password', password,
  'disabled', '0', 'created', created)
redis.call('SADD', accounts, name)
return 1
