package org.linli.kb.intent;

import java.util.regex.Pattern;

/**
 * Requests a person must handle, not a guide: something broken to fix ({@code repair}), someone
 * asked to act ({@code action}: come round, step in, plead the resident's case, book, put through
 * to a person), or the resident's own case ({@code personal-case}, such as an application with no
 * news). A broken
 * thing named inside an information question (楼上渗水物业不管可以找谁调解: who mediates, who
 * pays, what the rules are) is a question; an explicit request (派人, 上门, 帮我) never is.
 */
final class Requests {

  /** Something broken or blocked that someone has to come and fix. */
  private static final Pattern REPAIR =
      Folded.pattern(
          "(灯|路灯|电梯|门禁|玻璃|树|树枝|广告牌|招牌|水管|下水道|管道|马桶|井盖|窗户|栏杆|楼梯|屋顶|墙|天花板|电线|水龙头|化粪池|排水|地漏|门锁|单元门|充电桩|"
              + "水表|电表|燃气表|煤气表|燃气管|暖气|监控|垃圾桶|道闸|消防栓)"
              + ".{0,6}(坏了|坏掉|坏咯|不亮|不灵|不通|堵了|堵住|堵塞|爆了|破了|裂了|塌了|掉了|掉下来|脱落|松了|漏水|渗水|冒水|反水|停了|"
              + "不动了|失灵|故障|刷不开|打不开|不热|关不上|关不了|停运|异响|碎了|断了|要断|快断|要掉|快掉|吹下来|吹倒|刮倒|刮下来|倒了)"
              + "|井盖.{0,6}(丢|没了|不见|被偷)|漏水|渗水|滴水|漏雨|渗漏|爆管|水管爆|停水了|停电了|没水了|没电了|又停水|又停电|臭气熏天|污水横流");

  /** The broken thing is the subject of an information question. */
  private static final Pattern REPAIR_INFO =
      Folded.pattern(
          "找谁|调解|纠纷|责任|谁(来)?(负责|承担|出钱|赔|管|修)|赔偿|维修基金|维修资金|费用|多少钱|规定|法律|起诉|哪个部门|什么部门|"
              + "怎么申请|如何申请|流程|电话|热线|物业不管|不给修|会不会|为什么|原因|自己修|保修|保险|怎么预防|如何预防|怎么报修|如何报修|(在|去)?哪(里|儿)?报修|找谁报修|报修电话");

  /** Said as a recurring condition (一下雨就渗水, 每次下雨都漏), not one leak to fix now. */
  private static final Pattern RECURRING =
      Folded.pattern(
          "经常|老是|总是|每次|每逢|每当|每到|一到|隔三差五|三天两头|反复|年年|一(下|落|刮|来|遇)(大|暴)?(雨|风|台风|雪|暴雨).{0,10}就");

  /** Asks who pays or whether a fund or programme covers it. */
  private static final Pattern COVERAGE =
      Folded.pattern(
          "资金|基金|项目|计划|改造|包不包|包括|覆盖|范围|算不算|能不能(用|申请|报)|谁(来)?(出|付|掏|承担|买单)|由谁|政策|补贴|保修");

  /** Someone is asked to come, look, fix or chase. */
  private static final Pattern ACTION =
      Folded.pattern(
          "帮(我们|我|忙|俺|咱)(去|来|再)?(查|看|问|催|处理|办|联系|找|叫|喊|解决|反映|反应|登记|弄|修|跑|清|报修|订|预订|预定|定|约|预约|报名|挂号|转)|给我(查|看|催|处理)|"
              + "帮(我们|我|忙|俺|咱)在.{0,10}(订|预订|预定|定|预约|报名|挂号|登记)|转人工|转接人工|找人工|要人工|"
              + "帮(我们|我|忙|俺|咱)(去)?(跟|和|向|对)[^，。？?]{0,8}(说|讲|解释|沟通|反映|求情|协调|商量|要)|帮(我们|我|忙|俺|咱)(说明(一下)?(情况|原因|理由)|(说|讲)(一下|说)?(情况|好话)|说情|求情|讲情|说句话)|"
              + "(麻烦(?!问|咨询|请问)|(?<![申邀])请(?!问|假|客|教)|劳驾|拜托|你们帮)[^，。？?]{0,10}(上门|出面|来我家|到我家|去我家|来一趟|过来一趟|去一趟|跑一趟|"
              + "去(说|讲|劝|找|问|要|谈)|跟.{0,6}(说|讲|谈|沟通|协调|解释)|协调|调解一下|沟通一下)|"
              + "(能不能|可不可以|麻烦|请)(派人|叫人|找人)?(去|来|过来|上门)(看看|看一下|瞧瞧|处理|修)|"
              + "帮(我|忙)?(约|预约|安排)|快(点)?来(人|处理)|来处理一下|赶紧处理|我要(投诉|举报|报修)|"
              + "(麻烦|(?<![申邀])请)(你们|社区|物业)?(派人|上门|过来|来一下|处理一下|管一管|管管|修一下)|派(个)?人(来|过来|去)|赶紧(来|派|处理)|"
              + "修一下|来修|管一下|管一管|管管|清理一下|处理一下|报修一下|报个修|"
              + "(没|莫得|没得|冇|无)人(管|处理|修|理|清|收|扫)|太臭了|臭死了|"
              + "我(想|要)预约|帮我预约|不管不问|一直没(人)?(修|处理|管)|"
              + "(楼上|楼下|隔壁|对门|邻居).{0,10}(又在|天天|一直|整天).{0,10}(吵|烟|烧|漏|堆|占)|"
              + "又(在|开始)?(烧烤|堆|占|吵)|(堵住|堵了|堵住了|占用|占了|占着)消防通道|消防通道被(堵|占)|飞线充电|(有人|又|天天|一直|还在|正在).{0,10}(楼道|走廊|楼梯间|过道).{0,10}充电|"
              + "(楼道|走廊|楼梯间|过道).{0,10}(有人|又|天天|一直|还在|正在).{0,6}充电|烟全|占用消防通道|堵(住)?了消防通道");

  /** The resident's own application, payment or file. */
  private static final Pattern PERSONAL_CASE =
      Folded.pattern(
          "(我|我家|俺|我妈|我爸|我母亲|我父亲|我老婆|我老公|我爷爷|我奶奶|我外婆|我外公|我儿子|我女儿|我们家)[^，。？?]{0,12}"
              + "(没到账|没有到账|还没到账|没发下来|还没发|没收到|还没收到|办好了没|办好没|批下来没|还没批|还没下来|进度怎么样|"
              + "到哪一步|到哪步|被退回|被拒|被驳回|没通过|少发|漏发|停发|被停了|怎么还没|怎么没|少了|多扣|扣了|断了|没发)|"
              + "我(的|.{0,6}(申请|提交|交|报|办)的).{0,12}(通过了吗|通过没|批了吗|批了没|下来了吗|办好了吗|什么进度|进度|审核到|到哪|状态|结果出来)|"
              + "(审|办|批)到哪(了|一步|步)|怎么(一直|还)没(人)?(联系|回复|回音|动静|消息|下文)|"
              + "(交|提交|递交|报|申请)的.{0,12}(还没|一直没|都没|没)(有)?(消息|动静|回音|批|下来|结果|通过|拿到|到账|回复)|"
              + "(申请|补贴|材料|证).{0,12}(交|提交|递交|报|办)了.{0,10}(到现在|至今|还|一直|都)(还)?没(有)?(消息|批|拿到|下来|到账|动静|结果|回复)|"
              + "问(一)?下(我的)?.{0,6}进度|"
              + "帮我查|查一下我的|查查我的|我的(申请|材料|补贴|低保|工单|报修|投诉).{0,8}(状态|进度|结果|到哪|怎么样了)");

  private Requests() {}

  /**
   * The rule for a request, or null. {@code brokenCounts} is false when the message already asked
   * about a danger in general, so a broken lift inside "万一电梯坏了困人" is not a repair.
   */
  static String rule(String t, boolean brokenCounts) {
    boolean action = ACTION.matcher(t).find();
    boolean info = REPAIR_INFO.matcher(t).find() || (RECURRING.matcher(t).find() && COVERAGE.matcher(t).find());
    if (brokenCounts && REPAIR.matcher(t).find() && (action || !info)) {
      return "repair";
    }
    if (action) {
      return "action";
    }
    if (PERSONAL_CASE.matcher(t).find()) {
      return "personal-case";
    }
    return null;
  }
}
