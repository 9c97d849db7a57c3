package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.redis.RealRedis;

/**
 * DingTalk's robot can speak in a group only through the session webhook of a recent message:
 * that webhook is shared in Redis, so a second instance (here: the only one left) can post a poll
 * into the group that addressed the first.
 */
class DingtalkAcrossInstancesTest {

  static final String SECRET = "dingtalk-app-secret";

  @TempDir
  Path data;
  @TempDir
  Path otherData;
  @TempDir
  Path redisData;

  private static String sign(long timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_session_webhook_received_by_one_instance_lets_another_post_into_the_group() throws Exception {
    // One Redis outside both instances, so the first can stop while the second goes on.
    try (FakeChatApp dingtalk = new FakeChatApp();
        RealRedis redis = RealRedis.start(redisData)) {
      Map<String, String> env = new HashMap<>();
      env.put("LINLI_DINGTALK_APP_SECRET", SECRET);
      env.put("LINLI_OUTBOX_POLL_MILLIS", "50");
      env.put("LINLI_REDIS_URL", redis.server.url());
      RunningService first = RunningService.start(data, env);
      try (RunningService other = RunningService.start(otherData, env)) {
        long now = System.currentTimeMillis();
        JsonObject message = new JsonObject()
            .put("conversationId", "cidGroup1").put("conversationType", "2").put("msgId", "msg-1")
            .put("senderStaffId", "staff-1").put("isInAtList", true).put("msgtype", "text")
            .put("text", new JsonObject().put("content", " 居住证怎么办"))
            .put("sessionWebhook", dingtalk.url()).put("sessionWebhookExpiredTime", now + 90 * 60_000);
        var answer = RunningService.await(first.client.post("/webhooks/dingtalk")
            .putHeader("timestamp", String.valueOf(now)).putHeader("sign", sign(now))
            .sendBuffer(Buffer.buffer(message.encode())));
        assertThat(answer.statusCode()).isEqualTo(200);
        first.close();

        JsonObject draft = new JsonObject().put("channel", "dingtalk").put("chat", "cidGroup1")
            .put("question", "周六活动室开放时间").put("options", new JsonArray().add("上午").add("下午"))
            .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).toString());
        assertThat(other.post("/api/v1/polls", draft.encode(), RunningService.ADMIN).statusCode()).isEqualTo(201);

        JsonObject posted = dingtalk.await(m -> m.encode().contains("周六活动室开放时间"), 15);
        assertThat(posted.encode()).contains("议事投票");
      }
    }
  }
}
