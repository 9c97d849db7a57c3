package org.linli.bot.logs;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.Set;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.mask.ValueMasker;
import org.linli.bot.PersonalData;

/**
 * The JSON layout ({@code LINLI_LOG_FORMAT=json}): one Logstash JSON object a line ({@code
 * @timestamp}, {@code level}, {@code logger_name}, {@code thread_name}, {@code message}, {@code
 * stack_trace}, the MDC's {@code requestId}), the message, the stack trace and any other value
 * masked with {@link PersonalData#mask} like the text layout's message.
 */
public final class JsonLogEncoder extends LogstashEncoder {

  private final MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();

  public JsonLogEncoder() {
    masking.addValueMasker(new Masker());
    setJsonGeneratorDecorator(masking);
  }

  @Override
  public void start() {
    masking.start();
    super.start();
  }

  /**
   * Masks a string value that holds an ID-card or phone number; leaves the rest as written, and
   * never touches the fields the service writes itself (a timestamp's nanoseconds are nine digits).
   */
  static final class Masker implements ValueMasker {
    private static final Set<String> OWN = Set.of("@timestamp", "@version", "level", "logger_name", "thread_name",
        "requestId");

    @Override
    public Object mask(JsonStreamContext context, Object value) {
      if (OWN.contains(context.getCurrentName())) {
        return null;
      }
      if (value instanceof CharSequence text) {
        String plain = text.toString();
        String masked = PersonalData.mask(plain);
        return masked.equals(plain) ? null : masked;
      }
      return null;
    }
  }
}
