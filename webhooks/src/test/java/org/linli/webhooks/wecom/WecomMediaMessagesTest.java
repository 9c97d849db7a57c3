package org.linli.webhooks.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.webhooks.Attachment;
import org.linli.webhooks.ChatEvent;
import org.linli.webhooks.SeenKeys;

/** Image and location messages, decrypted, as WeCom's 消息格式 page shows them. */
class WecomMediaMessagesTest {

  private final WecomChannel channel = new WecomChannel(Fixtures.settings("", "", "", 20), new SeenKeys());

  private ChatEvent read(String xml) {
    return channel.event(WecomXml.fields(xml));
  }

  @Test
  void an_image_message_carries_its_pic_url_and_media_id() {
    ChatEvent event = read("""
        <xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[LiSi]]></FromUserName>
        <CreateTime>1348831860</CreateTime><MsgType><![CDATA[image]]></MsgType>
        <PicUrl><![CDATA[https://wework.qpic.cn/wwpic/123/0]]></PicUrl><MediaId><![CDATA[media_id_1]]></MediaId>
        <MsgId>1234567890123456</MsgId><AgentID>1000002</AgentID></xml>""");

    assertThat(event.chat()).isEqualTo(new ChatEvent.Chat("LiSi", ChatEvent.ChatType.PRIVATE));
    assertThat(event.text()).isEmpty();
    assertThat(event.messageId()).isEqualTo("1234567890123456");
    assertThat(event.attachments())
        .containsExactly(Attachment.imageUrl("https://wework.qpic.cn/wwpic/123/0", "media_id_1"));
  }

  @Test
  void a_location_message_reads_location_x_as_latitude_and_y_as_longitude_with_its_label() {
    ChatEvent event = read("""
        <xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[LiSi]]></FromUserName>
        <CreateTime>1351776360</CreateTime><MsgType><![CDATA[location]]></MsgType>
        <Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale>
        <Label><![CDATA[广州市天河区幸福小区7号楼]]></Label><MsgId>1234567890123457</MsgId><AgentID>1</AgentID></xml>""");

    assertThat(event.attachments())
        .containsExactly(Attachment.location(23.134521, 113.358803, "广州市天河区幸福小区7号楼"));
  }

  @Test
  void voice_messages_and_a_location_without_coordinates_are_ignored() {
    assertThat(read("<xml><FromUserName>LiSi</FromUserName><MsgType>voice</MsgType><MediaId>m</MediaId>"
        + "<MsgId>3</MsgId></xml>")).isNull();
    assertThat(read("<xml><FromUserName>LiSi</FromUserName><MsgType>location</MsgType><Label>x</Label>"
        + "<MsgId>4</MsgId></xml>")).isNull();
  }
}
