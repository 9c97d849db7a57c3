package org.linli.webhooks.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.HttpException;
import org.junit.jupiter.api.Test;
import org.linli.config.Secret;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;

/** The generic channel's {@code image} and {@code location} fields, as docs/platforms/generic.md shows them. */
class GenericAttachmentsTest {

  private final GenericChannel channel = new GenericChannel(Secret.of("t"));

  private ChatEvent parse(String rest) {
    return channel.parse(Buffer.buffer("{\"chat\": {\"id\": \"u1\", \"type\": \"private\"}, \"from\": {\"id\": \"u1\"}"
        + rest + "}"));
  }

  @Test
  void an_image_by_url_without_text_is_a_message_with_one_image() {
    ChatEvent event = parse(", \"image\": {\"url\": \"https://app.example/m/7.jpg\"}");

    assertThat(event.text()).isEmpty();
    assertThat(event.attachments()).containsExactly(Attachment.imageUrl("https://app.example/m/7.jpg", ""));
  }

  @Test
  void an_image_in_base64_and_a_location_with_a_label_come_with_the_text() {
    ChatEvent event = parse(", \"text\": \"楼道灯坏了\", \"image\": {\"base64\": \"/9j/4AAQ\"},"
        + " \"location\": {\"latitude\": 31.2304, \"longitude\": 121.4737, \"label\": \"7号楼\"}");

    assertThat(event.text()).isEqualTo("楼道灯坏了");
    assertThat(event.attachments()).containsExactly(Attachment.imageBytes("/9j/4AAQ"),
        Attachment.location(31.2304, 121.4737, "7号楼"));
  }

  @Test
  void a_location_off_the_globe_an_image_without_source_and_a_non_http_url_are_refused_with_400() {
    assertThat(refusal(", \"location\": {\"latitude\": 91, \"longitude\": 0}")).contains("latitude");
    assertThat(refusal(", \"image\": {}")).contains("\"url\" or \"base64\"");
    assertThat(refusal(", \"image\": {\"url\": \"file:///etc/passwd\"}")).contains("http(s)");
  }

  private String refusal(String rest) {
    try {
      parse(rest);
    } catch (HttpException e) {
      assertThat(e.getStatusCode()).isEqualTo(400);
      return e.getPayload();
    }
    throw new AssertionError("accepted: " + rest);
  }
}
