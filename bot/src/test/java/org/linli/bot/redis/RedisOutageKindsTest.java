package org.linli.bot.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures say Redis is away or failing over (answered 503), and which are faults (500). */
class RedisOutageKindsTest {

  @Test
  void refused_closed_and_timed_out_connections_and_failover_replies_are_outages_wherever_they_are_wrapped() {
    assertThat(RedisOutage.is(new ConnectException("Connection refused"))).isTrue();
    assertThat(RedisOutage.is(new IllegalStateException(new ClosedChannelException()))).isTrue();
    assertThat(RedisOutage.is(new TimeoutException())).isTrue();
    assertThat(RedisOutage.is(VertxException.noStackTrace("CONNECTION_CLOSED"))).isTrue();
    assertThat(RedisOutage.is(new IOException("Connection reset by peer"))).isTrue();
    assertThat(RedisOutage.is(new RuntimeException("READONLY You can't write against a read only replica."))).isTrue();
    assertThat(RedisOutage.is(new RuntimeException("LOADING Redis is loading the dataset in memory"))).isTrue();
    assertThat(RedisOutage.is(new RuntimeException("CLUSTERDOWN The cluster is down"))).isTrue();
  }

  @Test
  void faults_of_the_code_or_the_request_are_not_outages() {
    assertThat(RedisOutage.is(new NullPointerException())).isFalse();
    assertThat(RedisOutage.is(new IllegalArgumentException("a household id is 1 to 32 letters"))).isFalse();
    assertThat(RedisOutage.is(new RuntimeException("ERR wrong number of arguments for 'hset' command"))).isFalse();
    assertThat(RedisOutage.is(new RuntimeException("WRONGTYPE Operation against a key holding the wrong kind")))
        .isFalse();
    assertThat(RedisOutage.is(new IllegalStateException("the poll timeout option is wrong"))).isFalse();
  }
}
