package org.linli.bot.logs;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The shipped {@code logback.xml}: the setting picks text or JSON on stderr, both masked. */
class LogFormatTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream original;
  private LoggerContext context;

  @BeforeEach
  void configure_a_context_from_the_shipped_file() throws Exception {
    original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogFormat.class.getResource("/logback.xml"));
  }

  @AfterEach
  void restore() {
    LogFormat.use("text");
    context.stop();
    System.setErr(original);
  }

  @Test
  void json_writes_one_masked_object_a_line_and_text_one_masked_line() {
    Logger log = context.getLogger("org.linli.bot.Example");

    LogFormat.use("json");
    log.info("call back on 13812345678 about 110101199003074514");
    String json = err.toString(StandardCharsets.UTF_8).strip();
    err.reset();
    LogFormat.use("text");
    log.info("call back on 13812345678");
    String text = err.toString(StandardCharsets.UTF_8).strip();

    assertThat(json.lines()).hasSize(1);
    JsonObject line = new JsonObject(json);
    assertThat(line.getString("level")).isEqualTo("INFO");
    assertThat(line.getString("@timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    assertThat(line.getString("logger_name")).isEqualTo("org.linli.bot.Example");
    assertThat(line.getString("message")).isEqualTo("call back on [手机号] about [身份证号]");
    assertThat(text.lines()).hasSize(1);
    assertThat(text).endsWith("INFO  [main] o.linli.bot.Example - call back on [手机号]").doesNotContain("{");
  }

  @Test
  void the_json_layout_masks_what_was_written_but_not_its_own_fields() {
    JsonLogEncoder encoder = new JsonLogEncoder();
    encoder.setContext(context);
    encoder.start();
    LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("org.linli.bot.Example"),
        Level.WARN, "reached at 13812345678", null, null);
    // Nine digits of nanoseconds would read as a long number to the masking.
    event.setInstant(Instant.parse("2026-12-02T01:26:22.123456789Z"));

    JsonObject line = new JsonObject(new String(encoder.encode(event), StandardCharsets.UTF_8));

    assertThat(line.getString("@timestamp")).isEqualTo("2026-12-02T01:26:22.123456789Z");
    assertThat(line.getString("message")).isEqualTo("reached at [手机号]");
  }
}
