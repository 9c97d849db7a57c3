package org.linli.webhooks.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.webhooks.telegram.Fixtures.BOT;
import static org.linli.webhooks.telegram.Fixtures.await;
import static org.linli.webhooks.telegram.Fixtures.update;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.SeenKeys;

/** Updates shaped as the Bot API documents them, read into what the bot sees. */
class UpdateReaderTest {

  private final SeenKeys seen = new SeenKeys();
  private final UpdateReader reader = new UpdateReader(BOT, seen);

  private ChatEvent event(String fixture) {
    Optional<Incoming> read = reader.read(update(fixture));
    assertThat(read).as(fixture).isPresent();
    return read.get().event();
  }

  @Test
  void a_mention_in_a_supergroup_addresses_the_bot_and_the_mention_is_taken_out_of_the_text() {
    ChatEvent event = event("group_mention");

    assertThat(event.platform()).isEqualTo("telegram");
    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("-1001234567890", ChatEvent.ChatType.GROUP));
    assertThat(event.from().id()).isEqualTo("1111111");
    assertThat(event.from().name()).isEqualTo("秀英 王");
    assertThat(event.text()).isEqualTo("居住证怎么办");
    assertThat(event.mentioned()).isTrue();
    assertThat(event.isCallback()).isFalse();
    assertThat(event.messageId()).isEqualTo("1365");
    assertThat(event.quoted()).isEmpty();
  }

  @Test
  void a_command_naming_the_bot_in_any_case_loses_the_name_and_counts_as_a_mention() {
    ChatEvent event = event("group_command");

    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("-4012345678", ChatEvent.ChatType.GROUP));
    assertThat(event.text()).isEqualTo("/results p3");
    assertThat(event.mentioned()).isTrue();
  }

  @Test
  void a_plain_command_in_a_group_is_kept_without_counting_as_a_mention() {
    JsonObject update = update("group_command");
    update.getJsonObject("message").put("text", "/help").put("entities",
        new JsonArray().add(new JsonObject().put("offset", 0).put("length", 5).put("type", "bot_command")));

    ChatEvent event = reader.read(update).orElseThrow().event();

    assertThat(event.text()).isEqualTo("/help");
    assertThat(event.mentioned()).isFalse();
  }

  @Test
  void a_reply_to_the_bots_poll_carries_the_poll_text_as_quoted_and_addresses_the_bot() {
    ChatEvent event = event("reply_to_bot");

    assertThat(event.text()).isEqualTo("2");
    assertThat(event.quoted()).startsWith("议事投票 p1：周六活动室开放到几点？");
    assertThat(event.mentioned()).isTrue();
    assertThat(event.messageId()).isEqualTo("1370");
  }

  @Test
  void a_reply_to_a_neighbour_in_a_group_is_not_for_the_bot() {
    JsonObject update = update("reply_to_bot");
    update.getJsonObject("message").getJsonObject("reply_to_message")
        .put("from", new JsonObject().put("id", 3333333).put("is_bot", false).put("first_name", "Chen"));

    assertThat(reader.read(update)).isEmpty();
  }

  @Test
  void a_button_press_carries_its_data_the_query_id_and_the_message_the_buttons_are_on() {
    Incoming incoming = reader.read(update("callback_query")).orElseThrow();
    ChatEvent event = incoming.event();

    assertThat(incoming.isCallback()).isTrue();
    assertThat(incoming.callbackQueryId()).isEqualTo("4382bfdwdsb323b2d9");
    assertThat(event.callback()).isEqualTo("vote:p1:2");
    assertThat(event.isCallback()).isTrue();
    assertThat(event.text()).isEmpty();
    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("-1001234567890", ChatEvent.ChatType.GROUP));
    assertThat(event.from().id()).isEqualTo("1111111");
    assertThat(event.messageId()).isEqualTo("1360");
    assertThat(event.quoted()).isEqualTo("议事投票 p1：周六活动室开放到几点？");
    assertThat(event.mentioned()).isTrue();
  }

  @Test
  void a_private_message_is_always_addressed_to_the_bot() {
    ChatEvent event = event("private_message");

    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("1111111", ChatEvent.ChatType.PRIVATE));
    assertThat(event.text()).isEqualTo("楼道灯坏了，三天了");
    assertThat(event.mentioned()).isTrue();
  }

  @Test
  void unknown_fields_unknown_entity_types_and_a_date_in_milliseconds_are_tolerated() {
    ChatEvent event = event("unknown_fields_date_in_millis");

    assertThat(event.text()).isEqualTo("请问 社保卡丢了怎么补办");
    assertThat(event.mentioned()).isTrue();
    assertThat(event.from().id()).isEqualTo("3333333");
  }

  @Test
  void group_chatter_mentioning_someone_else_is_dropped() {
    assertThat(reader.read(update("group_chatter"))).isEmpty();
  }

  @Test
  void a_command_for_another_bot_is_dropped() {
    assertThat(reader.read(update("command_for_another_bot"))).isEmpty();
  }

  @Test
  void edits_and_other_kinds_of_update_are_dropped() {
    assertThat(reader.read(update("edited_message"))).isEmpty();
    assertThat(reader.read(new JsonObject().put("update_id", 1).put("my_chat_member", new JsonObject()))).isEmpty();
  }

  @Test
  void a_caption_with_a_mention_is_read_like_a_text() {
    JsonObject update = update("group_mention");
    JsonObject message = update.getJsonObject("message");
    message.put("caption", message.remove("text")).put("caption_entities", message.remove("entities"))
        .put("photo", new JsonArray().add(new JsonObject().put("file_id", "AgAD").put("width", 90)));

    assertThat(reader.read(update).orElseThrow().event().text()).isEqualTo("居住证怎么办");
  }

  @Test
  void entities_pointing_outside_the_text_and_ids_given_as_strings_do_not_break_reading() {
    JsonObject update = update("group_mention");
    update.getJsonObject("message").put("message_id", "1365").put("entities", new JsonArray()
        .add(new JsonObject().put("offset", 40).put("length", 10).put("type", "mention"))
        .add("not an entity"));
    update.getJsonObject("message").getJsonObject("chat").put("id", "-1001234567890");

    assertThat(reader.read(update)).isEmpty();
  }

  @Test
  void the_same_update_is_read_once_and_its_key_names_bot_and_update_id() {
    assertThat(await(reader.intake(update("private_message")))).isPresent();
    assertThat(await(reader.intake(update("private_message")))).isEmpty();
    assertThat(seen.asked).containsExactly("telegram:7000000001:update:10000105",
        "telegram:7000000001:update:10000105");
  }

  @Test
  void a_photo_in_a_private_chat_is_read_as_its_largest_size_by_file_id() {
    ChatEvent event = event("private_photo");

    assertThat(event.text()).isEmpty();
    assertThat(event.attachments()).containsExactly(Attachment.imageRef("AgACAgUAAxkBAAIBX2Z_large"));
  }

  @Test
  void a_location_and_a_venue_are_read_with_their_coordinates_and_the_venue_with_its_label() {
    assertThat(event("private_location").attachments())
        .containsExactly(Attachment.location(31.230416, 121.473701, ""));
    assertThat(event("private_venue").attachments())
        .containsExactly(Attachment.location(31.2304, 121.4737, "幸福小区7号楼 人民路100号"));
  }

  @Test
  void a_captioned_photo_keeps_its_caption_as_the_text_and_the_photo_as_an_attachment() {
    JsonObject update = update("private_photo");
    update.getJsonObject("message").put("caption", "楼道灯坏了");

    ChatEvent event = reader.read(update).orElseThrow().event();

    assertThat(event.text()).isEqualTo("楼道灯坏了");
    assertThat(event.attachments()).extracting(Attachment::ref).containsExactly("AgACAgUAAxkBAAIBX2Z_large");
  }
}
