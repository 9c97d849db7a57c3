package org.linli.bot.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.redis.RedisPerClass;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.Reply;

/** What a resident sees when they send {@code /bind}. */
class HouseholdChatTest {

  @RegisterExtension
  static final RedisPerClass server = new RedisPerClass();
  static HouseholdRegister register;
  static HouseholdChat chat;

  @BeforeAll
  static void start() {
    register = new HouseholdRegister(server.api(), Duration.ofHours(168), Clock.systemUTC());
    chat = new HouseholdChat(register);
    HouseholdRegisterTest.await(register.importCsv(
        "household,building,unit,room,area,owners\n3-2-601,3,2,601,89.5,2\n1-1-101,1栋,1,101,60,1\n"));
  }

  private static Reply send(String platform, String user, ChatEvent.ChatType type, String rest) {
    ChatEvent event = new ChatEvent(platform, new ChatEvent.Chat("g1", type), new ChatEvent.Sender(user, "张三"),
        "/bind " + rest, true, null, "m1");
    List<Reply> replies = HouseholdRegisterTest.await(chat.bind(event, rest));
    assertThat(replies).hasSize(1);
    return replies.get(0);
  }

  private static String code(String household) {
    return HouseholdRegisterTest.await(register.issueCode(household)).code();
  }

  @Test
  void a_resident_binds_with_the_code_from_the_office_and_only_they_see_the_answer() {
    Reply reply = send("generic", "c1", ChatEvent.ChatType.GROUP, code("3-2-601"));

    assertThat(reply.privately()).isTrue();
    assertThat(reply.text()).startsWith("已绑定 3号楼2单元601。").contains("一户一票");
    assertThat(HouseholdRegisterTest.await(register.householdOf("generic:c1"))).isEqualTo("3-2-601");
  }

  @Test
  void a_code_typed_with_spaces_or_full_width_digits_still_works() {
    String code = code("3-2-601");
    String typed = code.substring(0, 3) + " " + code.substring(3).chars()
        .mapToObj(c -> String.valueOf((char) (c - '0' + '０'))).reduce("", String::concat);

    assertThat(send("telegram", "77", ChatEvent.ChatType.PRIVATE, typed).text()).startsWith("已绑定 3号楼2单元601");
  }

  @Test
  void binding_to_another_household_says_which_binding_was_replaced() {
    send("generic", "c2", ChatEvent.ChatType.PRIVATE, code("3-2-601"));

    assertThat(send("generic", "c2", ChatEvent.ChatType.PRIVATE, code("1-1-101")).text())
        .startsWith("已绑定 1栋1单元101，原来绑定的 3号楼2单元601 已解除。");
    assertThat(send("generic", "c2", ChatEvent.ChatType.PRIVATE, code("1-1-101")).text())
        .isEqualTo("已重新绑定 1栋1单元101。");
  }

  @Test
  void a_used_or_wrong_code_is_refused_in_plain_words_and_the_same_ones() {
    String code = code("3-2-601");
    send("generic", "c3", ChatEvent.ChatType.PRIVATE, code);

    // Issue 11: "already used" and "unknown" no longer answer differently (a guesser learns nothing).
    String refused = "绑定码不对、已用过或已过期，或者近期输错的次数太多、绑定暂停了。请核对6位数字后过一会儿再发送；"
        + "如果还不行，请到社区居委会领取新的绑定码。";
    assertThat(send("generic", "c4", ChatEvent.ChatType.PRIVATE, code).text()).isEqualTo(refused);
    String wrong = code.equals("999999") ? "999998" : "999999";
    assertThat(send("generic", "c4", ChatEvent.ChatType.PRIVATE, wrong).text()).isEqualTo(refused);
    assertThat(HouseholdRegisterTest.await(register.householdOf("generic:c4"))).isNull();
  }

  @Test
  void without_a_code_the_resident_learns_how_to_bind_or_where_they_are_bound() {
    assertThat(send("generic", "c5", ChatEvent.ChatType.PRIVATE, "").text()).isEqualTo(HouseholdChat.USAGE);
    assertThat(send("generic", "c5", ChatEvent.ChatType.PRIVATE, "12345").text())
        .isEqualTo("绑定码是6位数字。" + HouseholdChat.USAGE);

    send("generic", "c5", ChatEvent.ChatType.PRIVATE, code("1-1-101"));

    assertThat(send("generic", "c5", ChatEvent.ChatType.PRIVATE, "").text())
        .isEqualTo("您目前绑定的是 1栋1单元101。如需改绑，请发送：/bind 新的绑定码");
  }
}
