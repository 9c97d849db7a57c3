package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linli.bot.logs.JsonLogEncoder;
import org.slf4j.LoggerFactory;

/**
 * The JSON logs of a whole scenario (a start, a help request naming the resident with their phone
 * and ID-card numbers, an ask quoting the phone, a poll and a vote) hold none of them in clear.
 */
class LogPrivacyTest {

  private static final String NAME = "王小明";
  private static final String PHONE = "13812345678";
  private static final String ID_CARD = "110101199003074514";

  @TempDir
  Path data;

  @Test
  void json_logs_of_a_full_scenario_hold_no_phone_id_number_or_name_in_clear() {
    List<JsonObject> lines = captured(() -> {
      try (RunningService service = RunningService.start(data, Map.of())) {
        JsonObject help = new JsonObject()
            .put("chat", new JsonObject().put("id", "g1").put("type", "group"))
            .put("from", new JsonObject().put("id", "u1").put("name", NAME))
            .put("text", "/help 我是" + NAME + "，身份证" + ID_CARD + "，电话" + PHONE + "，3号楼楼道灯坏了")
            .put("mentioned", true);
        assertThat(service.post("/webhooks/generic", help.encode(), RunningService.GENERIC).statusCode())
            .isEqualTo(200);
        service.ask("我叫" + NAME + "，电话" + PHONE + "，居住证怎么办理");
        JsonObject draft = new JsonObject().put("channel", "generic").put("chat", "g1").put("question", "活动室开放吗")
            .put("options", new JsonArray().add("开").add("不开")).put("scale", "small").put("rule", "majority")
            .put("closesAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0).toString());
        String poll = service.post("/api/v1/polls", draft.encode(), RunningService.ADMIN).bodyAsJsonObject()
            .getString("id");
        service.say("g1", "u1", "/vote " + poll + " 1 理由：" + NAME + "说的对，电话" + PHONE, null);
        // A line that quotes a resident outright, as a careless log call would.
        LoggerFactory.getLogger(LogPrivacyTest.class).warn("resident wrote: 电话{} 身份证{}", PHONE, ID_CARD);
      }
    });

    String all = String.join("\n", lines.stream().map(JsonObject::encode).toList());
    assertThat(lines).as("the scenario logs its start, the ticket and the poll").hasSizeGreaterThan(5);
    assertThat(all).contains("ticket ", "Linli ready");
    assertThat(all).doesNotContain(PHONE, ID_CARD, NAME);
    assertThat(lines).filteredOn(l -> l.getString("message").startsWith("resident wrote"))
        .singleElement()
        .satisfies(l -> assertThat(l.getString("message")).contains("[手机号]", "[身份证号]"));
    assertThat(lines).as("lines written while serving a request carry its id")
        .anySatisfy(l -> assertThat(l.getString("requestId")).matches("[0-9a-f-]{36}"));
  }

  /** Every log line written while {@code scenario} runs, as the JSON layout writes them, at INFO as in production. */
  private static List<JsonObject> captured(Runnable scenario) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLogEncoder encoder = new JsonLogEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName("json-capture");
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.INFO);
    try {
      scenario.run();
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
      appender.stop();
    }
    return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isBlank())
        .map(JsonObject::new).toList();
  }
}
