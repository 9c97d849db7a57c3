package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.bot.redis.RealRedis.await;

import io.vertx.redis.client.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scripts called by name against a real (embedded) Redis. */
class LuaScriptTest {

  private static final LuaScript PUT = LuaScript.of("put", """
      -- Sets a field of a hash and adds the rest of the arguments to a set.
      -- KEYS: hash, set
      -- ARGV: field, value, members...
      local hash, set = KEYS[1], KEYS[2]
      local field, value = ARGV[1], ARGV[2]
      redis.call('HSET', hash, field, value)
      for i = 3, #ARGV do redis.call('SADD', set, ARGV[i]) end
      return redis.call('SCARD', set)
      """);

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  @BeforeEach
  void empty() {
    redis.flush();
  }

  @Test
  void a_script_gets_its_keys_and_arguments_by_name_in_any_order() {
    Response added = await(PUT.call()
        .args("members", List.of("a", "b", "c"))
        .arg("value", "v")
        .key("set", "s:{x}")
        .arg("field", "f")
        .key("hash", "h:{x}")
        .run(redis.api()));

    assertThat(added.toInteger()).isEqualTo(3);
    assertThat(await(redis.api().hget("h:{x}", "f")).toString()).isEqualTo("v");
  }

  @Test
  void a_script_runs_again_after_redis_forgot_it() {
    LuaScript renew = LuaScript.load("leadership-renew");
    assertThat(await(renew.call().key("leader", "l:{t}").arg("me", "i1").arg("ttlMillis", 30_000)
        .run(redis.api())).toInteger()).isEqualTo(1);

    await(redis.api().script(List.of("FLUSH")));

    assertThat(await(renew.call().key("leader", "l:{t}").arg("me", "i2").arg("ttlMillis", 30_000)
        .run(redis.api())).toInteger()).isZero();
    assertThat(await(renew.call().key("leader", "l:{t}").arg("me", "i1").arg("ttlMillis", 30_000)
        .run(redis.api())).toInteger()).isEqualTo(1);
  }

  @Test
  void keys_of_two_hash_slots_are_refused_before_anything_is_written() {
    assertThatThrownBy(() -> PUT.call().key("hash", "h:{x}").key("set", "s:{y}").arg("field", "f").arg("value", "v")
        .args("members", List.of("a")).run(redis.api()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different hash slots");
    assertThatThrownBy(() -> PUT.call().key("hash", "h").key("set", "s").arg("field", "f").arg("value", "v")
        .args("members", List.of()).run(redis.api()))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(await(redis.api().exists(List.of("h:{x}", "s:{y}", "h", "s"))).toInteger()).isZero();
  }

  @Test
  void an_unknown_missing_or_repeated_name_is_refused() {
    assertThatThrownBy(() -> PUT.call().key("poll", "p:{x}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no key poll");
    assertThatThrownBy(() -> PUT.call().arg("members", "a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declares no argument members");
    assertThatThrownBy(() -> PUT.call().key("hash", "h:{x}").key("hash", "h:{x}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    assertThatThrownBy(() -> PUT.call().key("hash", "h:{x}").key("set", "s:{x}").arg("field", "f")
        .args("members", List.of()).run(redis.api()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value not given");
  }

  @Test
  void a_missing_script_file_fails_at_once() {
    assertThatThrownBy(() -> LuaScript.load("no-such-script"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("lua/no-such-script.lua");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "poll:{p1}:ballots, p1",
      "a{b}{c}, b",
      "a{}b, a{}b",
      "plain, plain"})
  void the_hash_tag_is_the_text_in_the_first_braces_unless_they_are_empty(String key, String tag) {
    assertThat(LuaScript.hashTag(key)).isEqualTo(tag);
  }
}
