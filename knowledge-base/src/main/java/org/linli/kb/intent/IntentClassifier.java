package org.linli.kb.intent;

import java.util.List;
import java.util.regex.Pattern;
import org.linli.kb.ChineseScript;

/**
 * Tells a question a guide can answer from a personal case or a request for action (which goes to
 * the help-line whatever the guides say) and from small talk. Rules, not a model: they are few,
 * readable, and a wrong "help request" costs a resident one tap, while a confident guide answer to
 * "电梯困人了" would cost far more.
 */
public final class IntentClassifier {

  /** Someone may be in danger: forward at once and flag urgent. */
  private static final Pattern EMERGENCY =
      Pattern.compile(
          "电梯.{0,3}困|困人了|有人被困|被困在|关在电梯|卡在电梯|着火|失火|起火|火灾|冒烟|烧起来|晕倒|昏倒|昏迷|摔倒|摔了一跤|跌倒|倒在地上|"
              + "走失|走丢|找不到(人|了)|失联|救命|快来人|报警|煤气味|燃气味|漏气|燃气泄漏|触电|漏电|晕过去|昏过去|咬人|咬伤|"
              + "打架|持刀|砸东西|出血|不省人事|喘不上气");

  /** Something broken or blocked that someone has to come and fix. */
  private static final Pattern REPAIR =
      Pattern.compile(
          "(灯|路灯|电梯|门禁|水管|下水道|管道|马桶|井盖|窗户|栏杆|楼梯|屋顶|墙|天花板|电线|水龙头|化粪池|排水|地漏|门锁|单元门|充电桩)"
              + ".{0,6}(坏了|坏掉|不亮|不灵|不通|堵了|堵住|堵塞|爆了|破了|裂了|塌了|掉了|掉下来|脱落|松了|漏水|渗水|冒水|反水|停了|不动了|失灵)"
              + "|漏水|渗水|爆管|水管爆|停水了|停电了|没水了|没电了|又停水|又停电|臭气熏天|污水横流");

  /** A request that someone act, or a question about the resident's own case. */
  private static final Pattern ACTION =
      Pattern.compile(
          "帮(我|忙|俺|咱)(查|看|问|催|处理|办|联系|找|叫|喊|解决|反映|反应|登记|弄|修|跑|清)|给我(查|看|催|处理)|"
              + "(能不能|可不可以|麻烦|请)(派人|叫人|找人)?(去|来|过来|上门)(看看|看一下|瞧瞧|处理)|"
              + "帮(我|忙)?(约|预约|安排)|快(点)?来(人|处理)?|来处理一下|赶紧处理|我要(投诉|举报)|"
              + "(审|办|批)到哪(了|一步)|怎么(一直|还)没(人)?(联系|回复|回音|动静|消息|下文)|"
              + "(麻烦|请)(你们|社区|物业)?(派人|上门|过来|来一下|处理一下|管一管|管管)|派(个)?人(来|过来)|赶紧(来|派|处理)|"
              + "(我|我家|我妈|我爸|我母亲|我父亲|我老婆|我老公|我爷爷|我奶奶|我外婆|我外公|我儿子|我女儿)[^，。？?]{0,12}"
              + "(没到账|没有到账|还没到账|没发下来|还没发|没收到|还没收到|办好了没|办好没|批下来没|还没批|还没下来|进度怎么样|"
              + "到哪一步|被退回|被拒|少发|漏发|停发|被停了|怎么还没)|"
              + "(楼上|楼下|隔壁|对门|邻居).{0,10}(又在|天天|一直|整天).{0,10}(吵|烟|烧|漏|堆|占)|"
              + "又(在|开始)?(烧烤|堆|占|吵)|烟全|占用消防通道|堵(住)?了消防通道");

  /** A question about benefits after the event (家里着火了…有啥救助) is a question, not an alarm. */
  private static final Pattern BENEFIT_QUESTION = Pattern.compile("救助|补助|补贴|申请|报销|赔偿|理赔");

  private static final Pattern QUESTION =
      Pattern.compile(
          "[?？]|吗|么|呢|怎|如何|什么|啥|哪|几|多少|谁|咋|能不能|可不可以|可以不|是否|有没有|要不要|需不需要|"
              + "请问|求问|咨询|想问|问下|问一下|知道|流程|材料|条件|手续|在哪|多久|多长时间|费用|标准|补贴|办理|申请");

  private static final List<Pattern> SMALL_TALK =
      List.of(
          Pattern.compile("^(大家|各位|邻居们|亲们|早上|中午|晚上|下午)?(好|早|早安|晚安|午安)[呀啊哦~！!。.]*$"),
          Pattern.compile("^(谢谢|多谢|感谢|辛苦了|辛苦|谢啦|thx|thanks|thank you|好的|收到|了解|明白|知道了|嗯|嗯嗯|ok|okay|好嘞|好哒|没问题|\\+1|1)"
              + "[^？?]{0,12}$"),
          Pattern.compile("^[哈呵嘿嘻]{2,}.{0,10}$"),
          Pattern.compile("(你好|您好|大家好|欢迎|早上好|晚上好)[呀啊哦~！!。.]*$"),
          Pattern.compile("^[\\p{So}\\p{Sk}\\p{P}\\s]*$"),
          Pattern.compile("天气(真|好|不错|太)|好热|好冷|下雨了|出太阳|笑死|哈哈"));

  /** Classifies one message. */
  public Intent classify(String text) {
    String t = ChineseScript.fold(text).strip();
    if (EMERGENCY.matcher(t).find() && !BENEFIT_QUESTION.matcher(t).find()) {
      return new Intent(MessageKind.HELP_REQUEST, true, "emergency");
    }
    if (REPAIR.matcher(t).find()) {
      return new Intent(MessageKind.HELP_REQUEST, false, "repair");
    }
    if (ACTION.matcher(t).find()) {
      return new Intent(MessageKind.HELP_REQUEST, false, "action");
    }
    boolean question = QUESTION.matcher(t).find();
    if (!question) {
      for (Pattern p : SMALL_TALK) {
        if (p.matcher(t).find()) {
          return new Intent(MessageKind.CHITCHAT, false, "small-talk");
        }
      }
    }
    return new Intent(MessageKind.QUESTION, false, question ? "question" : "statement");
  }
}
