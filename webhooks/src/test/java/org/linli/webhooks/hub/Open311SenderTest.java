package org.linli.webhooks.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.webhooks.Futures.await;
import static org.linli.webhooks.Futures.failure;

import io.vertx.core.MultiMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.config.Secret;
import org.linli.webhooks.ChannelSender.SendFailure;
import org.linli.webhooks.Loopback;
import org.linli.webhooks.SettableClock;
import org.linli.webhooks.hub.FakeHub.Answer;
import org.linli.webhooks.hub.FakeHub.Received;

/** The GeoReport v2 sender against a fake Open311 hub on loopback. */
class Open311SenderTest {

  private static final String API_KEY = "geo-key-7f3a";
  private static final Open311Request LIGHT = new Open311Request("streetlight",
      "3号楼2单元楼道灯坏了，老人晚上看不见。请尽快修理 & 回电", "王阿姨", "13800138000", "幸福里小区3号楼2单元");
  private static final String REF = "T-20250611-0042";

  @RegisterExtension
  final Loopback loopback = new Loopback();
  private FakeHub hub;

  @BeforeEach
  void start_the_fake_hub() {
    hub = loopback.start(new FakeHub()::start);
  }

  private Open311Sender sender() {
    return new Open311Sender(loopback.client(), hub.url("/open311/v2/"), Secret.of(API_KEY),
        new SettableClock(Instant.parse("2025-06-11T02:00:00Z")), Duration.ofSeconds(5));
  }

  @Test
  void a_request_is_posted_as_a_utf8_form_to_requests_json_and_the_service_request_id_comes_back() {
    hub.answer(Answer.of(201, "[{\"service_request_id\": \"638344\", \"service_notice\": \"48小时内回访\"}]"));

    Open311Receipt receipt = await(sender().submit(REF, LIGHT));

    assertThat(receipt).isEqualTo(new Open311Receipt("638344", ""));
    assertThat(receipt.filed()).isTrue();
    Received r = hub.received().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/open311/v2/requests.json");
    assertThat(r.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    MultiMap form = r.form();
    assertThat(form.get("api_key")).isEqualTo(API_KEY);
    assertThat(form.get("service_code")).isEqualTo("streetlight");
    assertThat(form.get("description")).isEqualTo("3号楼2单元楼道灯坏了，老人晚上看不见。请尽快修理 & 回电");
    assertThat(form.get("first_name")).isEqualTo("王阿姨");
    assertThat(form.get("phone")).isEqualTo("13800138000");
    assertThat(form.get("address_string")).isEqualTo("幸福里小区3号楼2单元");
    assertThat(form.names()).hasSize(6);
  }

  @Test
  void a_photo_link_and_a_position_go_as_media_url_lat_and_long() {
    hub.answer(Answer.of(201, "[{\"service_request_id\": \"638347\"}]"));
    String link = "https://linli.example/attachments/" + "a".repeat(64) + "?expires=1798000000&sig=abc";

    await(sender().submit(REF, new Open311Request("streetlight", "楼道灯坏了", "", "", "", link, "31.2304",
        "121.4737")));

    MultiMap form = hub.received().get(0).form();
    assertThat(form.get("media_url")).isEqualTo(link);
    assertThat(form.get("lat")).isEqualTo("31.2304");
    assertThat(form.get("long")).isEqualTo("121.4737");
  }

  @Test
  void fields_the_resident_did_not_give_are_left_out_of_the_form() {
    hub.answer(Answer.of(200, "[{\"service_request_id\": \"638346\"}]"));

    await(sender().submit(REF, new Open311Request("noise", "楼上装修太吵", null, "", null)));

    assertThat(hub.received().get(0).form().names())
        .containsExactlyInAnyOrder("api_key", "service_code", "description");
  }

  @Test
  void a_hub_that_files_later_answers_with_a_token_and_a_numeric_id_is_read_as_text() {
    hub.answer(Answer.of(200, "[{\"token\": \"12345\"}]"), Answer.of(200, "[{\"service_request_id\": 638345}]"));

    Open311Receipt token = await(sender().submit(REF, LIGHT));
    Open311Receipt numeric = await(sender().submit(REF, LIGHT));

    assertThat(token).isEqualTo(new Open311Receipt("", "12345"));
    assertThat(token.filed()).isFalse();
    assertThat(numeric.serviceRequestId()).isEqualTo("638345");
  }

  @Test
  void an_open311_error_with_a_4xx_is_permanent_and_names_the_code_but_not_the_description() {
    hub.answer(Answer.of(400, "[{\"code\": 400, \"description\": \"phone 13800138000 is not valid\"}]"));

    SendFailure failure = failure(sender().submit(REF, LIGHT), SendFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("400").contains(REF).contains("Open311 code 400")
        .doesNotContain("13800138000");
  }

  @Test
  void throttling_and_server_errors_are_temporary_and_gone_is_hub_gone() {
    hub.answer(new Answer(429, Map.of("Retry-After", "7"), "[{\"code\": 429, \"description\": \"slow down\"}]"));
    SendFailure throttled = failure(sender().submit(REF, LIGHT), SendFailure.class);
    assertThat(throttled.permanent()).isFalse();
    assertThat(throttled.retryAfterSeconds()).isEqualTo(7);

    for (int status : new int[]{408, 500, 503, 0}) {
      hub.answer(Answer.of(status));
      assertThat(failure(sender().submit(REF, LIGHT), SendFailure.class).permanent()).as("status %d", status).isFalse();
    }

    hub.answer(Answer.of(410));
    assertThat(failure(sender().submit(REF, LIGHT), HubGone.class).webhookId()).isEqualTo(REF);
  }

  @Test
  void a_success_without_an_id_or_token_is_permanent_so_the_request_is_not_filed_twice() {
    hub.answer(Answer.of(200, "[]"));

    SendFailure failure = failure(sender().submit(REF, LIGHT), SendFailure.class);

    assertThat(failure.permanent()).isTrue();
    assertThat(failure.getMessage()).contains("without service_request_id or token");
  }

  @Test
  void without_an_api_key_or_url_the_sender_is_not_configured_and_sends_nothing() {
    Open311Sender noKey = new Open311Sender(loopback.client(), hub.url("/open311/v2"), Secret.none());
    Open311Sender noUrl = new Open311Sender(loopback.client(), "", Secret.of(API_KEY));

    assertThat(noKey.configured()).isFalse();
    assertThat(noUrl.configured()).isFalse();
    assertThat(failure(noKey.submit(REF, LIGHT), SendFailure.class).getMessage()).isEqualTo("hub.apiKey is not set");
    assertThat(failure(noUrl.submit(REF, LIGHT), SendFailure.class).permanent()).isFalse();
    assertThat(hub.received()).isEmpty();
  }

  @Test
  void a_request_needs_a_service_code_and_a_description_of_at_most_4000_characters_and_prints_no_personal_data() {
    assertThatThrownBy(() -> new Open311Request(" ", "灯坏了", "", "", "")).hasMessageContaining("service_code");
    assertThatThrownBy(() -> new Open311Request("streetlight", "", "", "", "")).hasMessageContaining("description");
    assertThatThrownBy(() -> new Open311Request("streetlight", "灯".repeat(4001), "", "", ""))
        .hasMessageContaining("4000");
    assertThat(new Open311Request("streetlight", "灯".repeat(4000), "", "", "").description()).hasSize(4000);
    assertThat(LIGHT.toString()).doesNotContain("13800138000").doesNotContain("王阿姨");
  }
}
