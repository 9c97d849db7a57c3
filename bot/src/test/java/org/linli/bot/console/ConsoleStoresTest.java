package org.linli.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.bot.redis.RealRedis.await;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.errors.BadRequest;
import org.linli.bot.errors.Conflict;
import org.linli.bot.redis.RedisPerClass;
import org.linli.config.Secret;
import org.linli.config.Settings;

/**
 * The console's Redis stores against a real Redis: accounts with hashed passwords, the bootstrap
 * admin only while no account exists, API tokens stored as digests only, the audit log newest first.
 */
class ConsoleStoresTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();

  private Console console;

  @BeforeEach
  void fresh() {
    redis.flush();
    console = Console.of(redis.get().vertx, redis.api(), new Settings.Console(null, 30, false), Clock.systemUTC());
  }

  @Test
  void an_account_is_created_once_and_its_password_is_stored_only_as_a_bcrypt_hash() {
    Account li = await(console.accounts().create(" Li.Ming ", "correct-horse", Role.MODERATOR));

    assertThat(li.name()).isEqualTo("li.ming");
    assertThat(li.communities()).containsExactly(Account.DEFAULT_COMMUNITY);
    assertThatThrownBy(() -> await(console.accounts().create("li.ming", "another-one", Role.ADMIN)))
        .hasCauseInstanceOf(Conflict.class).hasMessageContaining("li.ming");
    String stored = await(redis.api().hget(ConsoleKeys.account("li.ming"), "password")).toString();
    assertThat(stored).startsWith("$2a$10$").doesNotContain("correct-horse");
    assertThat(await(console.accounts().list())).extracting(Account::name, Account::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("li.ming", Role.MODERATOR));
  }

  @Test
  void a_short_password_and_a_name_with_spaces_or_chinese_are_refused_with_a_sentence() {
    assertThatThrownBy(() -> await(console.accounts().create("wang", "short", Role.OPERATOR)))
        .hasCauseInstanceOf(BadRequest.class).hasMessageContaining("8");
    assertThatThrownBy(() -> await(console.accounts().create("wang fang", "long-enough-1", Role.OPERATOR)))
        .hasCauseInstanceOf(BadRequest.class);
    assertThatThrownBy(() -> await(console.accounts().create("\u738b\u82b3", "long-enough-1", Role.OPERATOR)))
        .hasCauseInstanceOf(BadRequest.class);
    assertThat(await(console.accounts().list())).isEmpty();
  }

  @Test
  void only_the_right_password_of_an_enabled_account_verifies() {
    await(console.accounts().create("zhao", "right-password", Role.OPERATOR));

    assertThat(await(console.accounts().verify("ZHAO", "right-password"))).isPresent();
    assertThat(await(console.accounts().verify("zhao", "wrong-password"))).isEmpty();
    assertThat(await(console.accounts().verify("nobody", "right-password"))).isEmpty();
    await(console.accounts().setDisabled("zhao", true));
    assertThat(await(console.accounts().verify("zhao", "right-password"))).isEmpty();
    await(console.accounts().setDisabled("zhao", false));
    await(console.accounts().resetPassword("zhao", "a-new-password"));
    assertThat(await(console.accounts().verify("zhao", "right-password"))).isEmpty();
    assertThat(await(console.accounts().verify("zhao", "a-new-password"))).isPresent();
  }

  @Test
  void the_bootstrap_admin_is_created_only_while_no_account_exists() {
    assertThat(await(console.accounts().bootstrap(Secret.of("boss:first-password")))).isTrue();
    assertThat(await(console.accounts().bootstrap(Secret.of("other:second-password")))).isFalse();
    assertThat(await(console.accounts().bootstrap(Secret.of("boss:changed-password")))).isFalse();

    assertThat(await(console.accounts().list())).extracting(Account::name).containsExactly("boss");
    assertThat(await(console.accounts().verify("boss", "first-password"))).map(Account::role)
        .contains(Role.ADMIN);
    assertThat(await(console.accounts().bootstrap(Secret.none()))).isFalse();
  }

  @Test
  void an_api_token_is_stored_as_its_digest_acts_for_its_account_and_stops_when_revoked_or_disabled() {
    Account wang = await(console.accounts().create("wang", "long-enough-1", Role.OPERATOR));
    ApiTokens.Made made = await(console.tokens().create(wang, "ticket script"));

    assertThat(made.token()).startsWith("lnl_");
    assertThat(await(console.tokens().account(made.token()))).map(Account::name).contains("wang");
    assertThat(await(console.tokens().account(made.token() + "x"))).isEmpty();
    assertThat(await(redis.api().keys("*")).toString()).doesNotContain(made.token());
    assertThat(await(console.tokens().list("wang"))).extracting(ApiToken::label).containsExactly("ticket script");

    await(console.accounts().setDisabled("wang", true));
    assertThat(await(console.tokens().account(made.token()))).isEmpty();
    await(console.accounts().setDisabled("wang", false));
    assertThat(await(console.tokens().revoke("wang", made.listed().id()))).isEqualTo("ticket script");
    assertThat(await(console.tokens().account(made.token()))).isEmpty();
    assertThat(await(console.tokens().list("wang"))).isEmpty();
  }

  @Test
  void the_audit_log_lists_who_did_what_on_what_newest_first() {
    await(console.audit().record("boss", "account.create", "wang (operator)"));
    await(console.audit().record("wang", "token.create", "ticket script"));

    List<AuditEntry> entries = await(console.audit().recent(10));

    assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target).containsExactly(
        org.assertj.core.groups.Tuple.tuple("wang", "token.create", "ticket script"),
        org.assertj.core.groups.Tuple.tuple("boss", "account.create", "wang (operator)"));
    assertThat(entries.get(0).at()).isAfterOrEqualTo(entries.get(1).at());
    assertThat(await(console.audit().recent(1))).hasSize(1);
  }

  @Test
  void a_session_ends_on_logout_and_every_session_of_an_account_ends_when_it_is_disabled() {
    await(console.accounts().create("zhao", "right-password", Role.OPERATOR));
    Console.Attempt first = await(console.login("zhao", "right-password", "10.0.0.1"));
    Console.Attempt second = await(console.login("zhao", "right-password", "10.0.0.2"));

    assertThat(first.outcome()).isEqualTo(Console.Login.SIGNED_IN);
    Optional<Session> found = await(console.session(first.session().id()));
    assertThat(found).map(s -> s.account().name()).contains("zhao");
    assertThat(found.get().csrfMatches(first.session().csrf())).isTrue();
    assertThat(found.get().csrfMatches(second.session().csrf())).isFalse();
    await(console.logout(first.session().id()));
    assertThat(await(console.session(first.session().id()))).isEmpty();
    assertThat(await(console.session(second.session().id()))).isPresent();
    await(console.accounts().setDisabled("zhao", true));
    assertThat(await(console.session(second.session().id()))).isEmpty();
  }

  @Test
  void five_failures_for_a_name_or_from_an_address_throttle_the_next_login_even_with_the_right_password() {
    await(console.accounts().create("zhao", "right-password", Role.OPERATOR));
    await(console.accounts().create("qian", "right-password", Role.OPERATOR));
    for (int i = 0; i < 5; i++) {
      assertThat(await(console.login("zhao", "wrong", "10.0.0." + i)).outcome()).isEqualTo(Console.Login.WRONG);
    }
    assertThat(await(console.login("zhao", "right-password", "10.0.1.1")).outcome())
        .isEqualTo(Console.Login.THROTTLED);
    for (int i = 0; i < 5; i++) {
      await(console.login("guess" + i, "wrong", "10.0.2.2"));
    }
    assertThat(await(console.login("qian", "right-password", "10.0.2.2")).outcome())
        .isEqualTo(Console.Login.THROTTLED);
    assertThat(await(console.login("qian", "right-password", "10.0.3.3")).outcome())
        .isEqualTo(Console.Login.SIGNED_IN);
    long ttl = await(redis.api().pttl(ConsoleKeys.failuresOfUser("zhao"))).toLong();
    assertThat(ttl).isBetween(LoginThrottle.WINDOW.toMillis() - 60_000, LoginThrottle.WINDOW.toMillis());
  }
}
