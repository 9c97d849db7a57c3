-- Gives up a claim on a platform event after handling failed: deletes the key only while it is
-- still a claim, never the done mark another call wrote once this claim's lease had lapsed.
-- Returns 1 when released, else 0.
-- KEYS: event
-- ARGV: claimed
local event = KEYS[1]
local claimed = ARGV[1]
if redis.call('GET', event) == claimed then
  return redis.call('DEL', event)
end
return 0
