package org.linli.bot.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.household.HouseholdRegisterTest.await;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/** Wrong binding codes are limited per identity, per household and across the whole community. */
class BindingGuessesTest {

  private static final String CSV = "household,building,unit,room,area,owners\n"
      + "3-2-601,3,2,601,89.5,2\n3-2-602,3,2,602,120,1\n1-1-101,1,1,101,60,1\n";

  @RegisterExtension
  static final RedisPerClass server = new RedisPerClass();
  static RedisAPI redis;

  @BeforeAll
  static void start() {
    redis = server.api();
  }

  @BeforeEach
  void empty() {
    await(redis.flushall(List.of()));
  }

  private static HouseholdRegister register(BindingLimits limits) {
    HouseholdRegister register = new HouseholdRegister(redis, Duration.ofHours(168), Clock.systemUTC(), limits);
    await(register.importCsv(CSV));
    return register;
  }

  /** Six-digit codes none of which is one of {@code live}. */
  private static List<String> wrongCodes(int n, Set<String> live) {
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      String c = String.format("%06d", 100_000 + i * 7);
      if (!live.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String chatReply(HouseholdChat chat, String user, String code) {
    ChatEvent event = new ChatEvent("generic", new ChatEvent.Chat(user, ChatEvent.ChatType.PRIVATE),
        new ChatEvent.Sender(user, "居民"), "/bind " + code, true, null, "m-" + user + code);
    List<Reply> replies = await(chat.bind(event, code));
    assertThat(replies).hasSize(1);
    return replies.get(0).text();
  }

  @Test
  void fifty_identities_guessing_binding_codes_are_stopped_by_the_shared_limit() {
    HouseholdRegister register = register(BindingLimits.DEFAULT);
    Set<String> live = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      live.add(await(register.issueCode(i % 2 == 0 ? "3-2-601" : "3-2-602")).code());
    }
    List<String> guesses = wrongCodes(500, live);

    List<Future<BindResult>> results = new ArrayList<>();
    for (int identity = 0; identity < 50; identity++) {
      for (int g = 0; g < 10; g++) {
        results.add(register.bind(guesses.get(identity * 10 + g), "generic:guesser-" + identity));
      }
    }
    await(Future.join(results));

    long checked = results.stream().filter(f -> f.result().status() != BindResult.Status.TOO_MANY_ATTEMPTS).count();
    assertThat(checked).as("codes actually looked up out of 500 guesses").isEqualTo(60);
    assertThat(results).noneMatch(f -> f.result().bound());
    // Binding stays paused for everyone in the window, even with a right code from a fresh identity.
    String right = live.iterator().next();
    assertThat(await(register.bind(right, "generic:fresh")).status()).isEqualTo(BindResult.Status.TOO_MANY_ATTEMPTS);
    assertThat(await(register.householdOf("generic:fresh"))).isNull();
  }

  @Test
  void the_members_of_one_household_share_a_limit_and_others_are_not_held_back_by_it() {
    HouseholdRegister register = register(new BindingLimits(10, 15, 1_000, Duration.ofHours(1)));
    await(register.bind(await(register.issueCode("3-2-601")).code(), "generic:m1"));
    await(register.bind(await(register.issueCode("3-2-601")).code(), "generic:m2"));
    String next = await(register.issueCode("1-1-101")).code();
    List<String> wrong = wrongCodes(16, Set.of(next));

    for (int i = 0; i < 10; i++) {
      assertThat(await(register.bind(wrong.get(i), "generic:m1")).status())
          .isEqualTo(BindResult.Status.UNKNOWN_OR_EXPIRED);
    }
    for (int i = 10; i < 15; i++) {
      assertThat(await(register.bind(wrong.get(i), "generic:m2")).status())
          .isEqualTo(BindResult.Status.UNKNOWN_OR_EXPIRED);
    }

    assertThat(await(register.bind(next, "generic:m2")).status()).isEqualTo(BindResult.Status.TOO_MANY_ATTEMPTS);
    assertThat(await(register.householdOf("generic:m2"))).isEqualTo("3-2-601");
    assertThat(await(register.bind(next, "generic:unbound")).status()).isEqualTo(BindResult.Status.BOUND);
  }

  @Test
  void an_unknown_a_used_and_a_paused_code_get_the_same_reply() {
    HouseholdRegister register = register(new BindingLimits(2, 20, 1_000, Duration.ofHours(1)));
    HouseholdChat chat = new HouseholdChat(register);
    String used = await(register.issueCode("3-2-601")).code();
    await(register.bind(used, "generic:owner"));
    String fresh = await(register.issueCode("3-2-602")).code();
    String unknown = wrongCodes(1, Set.of(used, fresh)).get(0);

    String unknownReply = chatReply(chat, "g1", unknown);
    String usedReply = chatReply(chat, "g1", used);
    String pausedReply = chatReply(chat, "g1", fresh);

    assertThat(unknownReply).contains("绑定码不对、已用过或已过期");
    assertThat(usedReply).isEqualTo(unknownReply);
    assertThat(pausedReply).isEqualTo(unknownReply);
    assertThat(await(register.householdOf("generic:g1"))).isNull();
    assertThat(chatReply(chat, "g2", fresh)).startsWith("已绑定 3号楼2单元602");
  }
}
