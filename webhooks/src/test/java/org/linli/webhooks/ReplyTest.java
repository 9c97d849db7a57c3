package org.linli.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

  private static final Reply.Image CHART = new Reply.Image(new byte[]{1, 2, 3},
      "https://linli.example/polls/p1/chart.png");

  @Test
  void a_reply_given_new_buttons_still_replaces_the_pressed_message() {
    // Conversation.withOffer swapped the forward button's data by rebuilding the reply with the
    // five-argument constructor, which dropped replacesPressed.
    Reply tally = Reply.replacingPressed("议事投票 p1：当前 3票", List.of(new Reply.Button("转给求助热线", "fwd")));

    Reply swapped = tally.withButtons(List.of(new Reply.Button("转给求助热线", "fwd:abc123")));

    assertThat(swapped.replacesPressed()).isTrue();
    assertThat(swapped.buttons()).containsExactly(new Reply.Button("转给求助热线", "fwd:abc123"));
    assertThat(swapped.text()).isEqualTo(tally.text());
  }

  @Test
  void a_reply_given_new_buttons_keeps_every_other_part() {
    Reply receipt = Reply.builder("您的回执：K7Q2").offersForward().privately().image(CHART).build();

    Reply swapped = receipt.withButtons(List.of(new Reply.Button("好", "ok")));

    assertThat(swapped).isEqualTo(new Reply("您的回执：K7Q2", List.of(new Reply.Button("好", "ok")), true, true, CHART,
        false));
  }

  @Test
  void a_built_reply_is_a_new_message_to_the_whole_chat_unless_told_otherwise() {
    Reply plain = Reply.builder("您好").build();

    assertThat(plain).isEqualTo(Reply.text("您好"));
    assertThat(plain.forward()).isFalse();
    assertThat(plain.privately()).isFalse();
    assertThat(plain.replacesPressed()).isFalse();
    assertThat(plain.image()).isNull();
    assertThat(Reply.privateText("只给你看").privately()).isTrue();
  }

  @Test
  void an_image_added_to_a_replacing_reply_keeps_it_replacing() {
    Reply tally = Reply.replacingPressed("投票 p1", List.of());

    assertThat(tally.withImage(CHART).replacesPressed()).isTrue();
    assertThat(tally.withImage(CHART).image()).isEqualTo(CHART);
  }

  @Test
  void the_stored_form_reads_back_the_same_reply() {
    Reply reply = Reply.builder("请选择").buttons(List.of(new Reply.Button("同意", "vote:p1:1"))).offersForward()
        .privately().image(CHART).build();
    Outgoing out = new Outgoing("telegram", new ChatEvent.Chat("-100", ChatEvent.ChatType.GROUP), reply);

    assertThat(Outgoing.fromJson(out.toJson()).reply()).isEqualTo(reply);
  }
}
