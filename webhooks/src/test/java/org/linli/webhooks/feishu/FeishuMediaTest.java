package org.linli.webhooks.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.MediaDownload;
import org.linli.webhooks.SettableClock;

/**
 * Image and location messages of {@code im.message.receive_v1} (content as the message-content
 * reference shows it), and an image fetched as a message resource from a fake Feishu.
 */
class FeishuMediaTest {

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final ObjectMapper json = new ObjectMapper();
  private FakeFeishu feishu;
  private FeishuSender sender;

  @BeforeEach
  void start_a_fake_feishu() {
    feishu = loopback.start(new FakeFeishu()::start);
    sender = new FeishuSender(loopback.client(), feishu.url(), FakeFeishu.APP_ID, Secret.of(FakeFeishu.APP_SECRET),
        new SettableClock(Instant.parse("2025-03-01T02:00:00Z")), Duration.ofSeconds(2));
  }

  private List<ChatEvent> read(String type, String content) throws Exception {
    JsonNode event = json.readTree("""
        {"sender": {"sender_id": {"open_id": "ou_resident7"}, "sender_type": "user"},
         "message": {"message_id": "om_dc13264520392913993dd051dba21dcf", "chat_id": "oc_p2p7", "chat_type": "p2p",
                     "message_type": "%s", "content": %s}}""".formatted(type, json.writeValueAsString(content)));
    return FeishuEvents.message(event, "ou_bot1", json);
  }

  @Test
  void an_image_message_carries_its_image_key() throws Exception {
    ChatEvent event = read("image", "{\"image_key\":\"img_v2_041b28e3-5680-48c2-9af2-497ace79333g\"}").get(0);

    assertThat(event.text()).isEmpty();
    assertThat(event.messageId()).isEqualTo("om_dc13264520392913993dd051dba21dcf");
    assertThat(event.attachments())
        .containsExactly(Attachment.imageRef("img_v2_041b28e3-5680-48c2-9af2-497ace79333g"));
  }

  @Test
  void a_location_message_gives_its_coordinates_written_as_strings_and_its_name() throws Exception {
    ChatEvent event = read("location",
        "{\"name\":\"幸福小区7号楼\",\"longitude\":\"116.397428\",\"latitude\":\"39.90923\"}").get(0);

    assertThat(event.attachments()).containsExactly(Attachment.location(39.90923, 116.397428, "幸福小区7号楼"));
  }

  @Test
  void a_rich_text_message_keeps_its_words_and_its_images() throws Exception {
    ChatEvent event = read("post", "{\"title\":\"\",\"content\":[[{\"tag\":\"text\",\"text\":\"楼道灯坏了\"}],"
        + "[{\"tag\":\"img\",\"image_key\":\"img_v2_a\",\"width\":300,\"height\":300}]]}").get(0);

    assertThat(event.text()).isEqualTo("楼道灯坏了");
    assertThat(event.attachments()).containsExactly(Attachment.imageRef("img_v2_a"));
  }

  @Test
  void an_image_is_fetched_as_a_message_resource_of_type_image_with_the_tenant_token() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    feishu.resource("om_1", "img_v2_a", png);

    assertThat(await(sender.resource("om_1", "img_v2_a", 1000)).getBytes()).isEqualTo(png);
    FakeFeishu.Call call = feishu.calls("/open-apis/im/v1/messages/om_1/resources/img_v2_a").get(0);
    assertThat(call.query()).containsEntry("type", "image");
    assertThat(call.authorization()).isEqualTo("Bearer t-1");
  }

  @Test
  void an_unknown_resource_and_one_over_the_limit_fail() {
    feishu.resource("om_1", "big", new byte[3000]);

    assertThat(failure(sender.resource("om_1", "nope", 1000), Throwable.class)).isInstanceOf(SendFailure.class);
    assertThat(failure(sender.resource("om_1", "big", 1000), Throwable.class))
        .isInstanceOf(MediaDownload.TooLarge.class);
  }
}
