package org.linli.webhooks.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

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
 * The robot's {@code picture} and {@code richText} messages (as the robot receiving-message page
 * shows them), and a picture fetched by its download code from a fake OpenAPI.
 */
class DingtalkMediaTest {

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private final ObjectMapper json = new ObjectMapper();
  private FakeDingtalkOpenApi api;
  private DingtalkFiles files;

  @BeforeEach
  void start() {
    api = loopback.start(new FakeDingtalkOpenApi()::start);
    files = new DingtalkFiles(loopback.client(), api.url(), FakeDingtalkOpenApi.APP_KEY,
        Secret.of(FakeDingtalkOpenApi.APP_SECRET), new SettableClock(Instant.parse("2025-01-01T00:00:00Z")),
        Duration.ofSeconds(2));
  }

  private List<ChatEvent> parse(String msgtype, String content) throws Exception {
    return DingtalkChannel.parse(json.readTree("""
        {"conversationId": "cidSingleZ9y8==", "chatbotCorpId": "dinge8a565xxxx", "msgId": "msgPic0001",
         "senderNick": "李先生", "conversationType": "1", "senderStaffId": "manager7", "isInAtList": false,
         "sessionWebhook": "SESSION_WEBHOOK", "sessionWebhookExpiredTime": 1613635652738,
         "msgtype": "%s", "content": %s}""".formatted(msgtype, content)));
  }

  @Test
  void a_picture_message_carries_its_download_code() throws Exception {
    ChatEvent event = parse("picture",
        "{\"pictureDownloadCode\": \"mIofN681YE3f/+m+NntqpR\", \"downloadCode\": \"mIofN681YE3f/+m+NntqpRkDl\"}")
        .get(0);

    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("cidSingleZ9y8==", ChatEvent.ChatType.PRIVATE));
    assertThat(event.text()).isEmpty();
    assertThat(event.attachments()).containsExactly(Attachment.imageRef("mIofN681YE3f/+m+NntqpRkDl"));
  }

  @Test
  void a_rich_text_message_keeps_its_words_and_its_pictures() throws Exception {
    ChatEvent event = parse("richText", "{\"richText\": [{\"text\": \"楼道灯坏了\"},"
        + " {\"pictureDownloadCode\": \"p1\", \"downloadCode\": \"d1\", \"type\": \"picture\"}]}").get(0);

    assertThat(event.text()).isEqualTo("楼道灯坏了");
    assertThat(event.attachments()).containsExactly(Attachment.imageRef("d1"));
  }

  @Test
  void a_picture_without_a_download_code_gives_no_event() throws Exception {
    assertThat(parse("picture", "{}")).isEmpty();
  }

  @Test
  void a_picture_is_downloaded_through_the_download_url_the_openapi_gives_for_its_code() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 4, 2};
    api.file("d1", jpeg);

    assertThat(await(files.download("d1", 1000)).getBytes()).isEqualTo(jpeg);
    FakeDingtalkOpenApi.Call call = api.calls(DingtalkFiles.DOWNLOAD).get(0);
    assertThat(call.token()).isEqualTo("at-1");
    assertThat(call.json().getString("robotCode")).isEqualTo(FakeDingtalkOpenApi.APP_KEY);
  }

  @Test
  void an_unknown_code_and_a_picture_over_the_limit_fail() {
    api.file("big", new byte[5000]);

    assertThat(failure(files.download("nope", 1000), Throwable.class)).isInstanceOf(SendFailure.class);
    assertThat(failure(files.download("big", 1000), Throwable.class)).isInstanceOf(MediaDownload.TooLarge.class);
  }
}
