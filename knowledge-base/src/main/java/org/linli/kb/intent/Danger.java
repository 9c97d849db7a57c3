package org.linli.kb.intent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message reports someone in danger now, or only asks about a dangerous topic.
 *
 * <p>Two kinds of danger signal. An ongoing one (someone trapped, missing, not seen for days,
 * lying still; someone on a ledge; a flat shut for days with a smell; gas or smoke; a child in
 * danger) lasts while nobody acts; harm that may be over (a fire, a fall, a bite, a fight, a flood,
 * symptoms such as chest pain or a stroke, labour, poisoning or an overdose, an injury at a site) may
 * be asked about afterwards. Either is urgent unless the
 * message is framed as information:
 *
 * <ul>
 *   <li>a conditional (万一, 如果, 一旦) or a habit (经常, 老是) not said to have happened this time;
 *   <li>prevention, risk or rules (预防, 容易, 会不会, 规定, 演练), unless the danger is also reported
 *       as happening (楼道里电动车充电冒烟了，有什么规定);
 *   <li>a general case (遇到有人晕倒怎么办) that the speaker is not in;
 *   <li>a topic with no sign that it is happening: no 了, no person, no place (燃气泄漏怎么处理,
 *       跌倒风险评估);
 *   <li>for harm only: money or benefits afterwards (家里着火了有没有救助), or how to act in general
 *       with nobody named (家里着火了应该怎么逃生);
 *   <li>a question framed as a worry before the danger with a service asked about (怕老妈在家摔倒了
 *       没人知道，社区能装呼叫器吗), a hazard with who handles it (火灾隐患，该找谁), a category (像
 *       电梯困人这种情况), a cause of an alarm that stopped (响了一下又停了，什么原因), or a
 *       discovery besides the police (除了报警还能找谁);
 *   <li>a danger already reported or over, asking what comes next (已经报警了，告诫书能当证据吗),
 *       unless something is still going on (警察还没来，他还在砸门).
 * </ul>
 *
 * <p>A call for help (救命, 快来人, 帮我叫救护车) or "happening now" (正在, 刚才) outweighs every
 * information word; a danger that is over or in hand (昨天, 现在在医院, 找回来了) is not urgent
 * unless it is still going on (到现在还没回来). When in doubt about someone in danger now, urgent
 * wins: a wrong urgent costs a tap and a missed one costs far more.
 *
 * <p>Every pattern is a flat alternation with bounded gaps, so matching stays linear in the text.
 */
final class Danger {

  /** What the message says about danger. */
  enum Verdict {
    /** No danger signal at all. */
    NONE,
    /** Someone may be in danger now. */
    URGENT,
    /** A danger word in a question a guide can answer. */
    INFORMATION
  }

  /** A named person (not just 人): for "cannot reach" words that also apply to offices. */
  private static final String KIN =
      "(孩子|小孩|小朋友|娃|儿子|女儿|宝宝|婴儿|老人|老太|老头|老奶奶|老爷爷|老爷子|老太太|大爷|大妈|阿姨|奶奶|爷爷|外婆|外公|姥姥|姥爷|"
          + "妈|爸|母亲|父亲|老伴|老公|老婆|爱人|邻居|老汉|阿婆|阿公|阿嫲|阿爷|嫲嫲|家人|仔|囡|佢|他|她)";

  private static final String PERSON = "(人|" + KIN + ")";

  /** Says outright that help is needed now; urgent even with information words around it. */
  private static final Pattern CALL =
      Folded.pattern(
          "救命(?!钱|药)|救救|快来人|来人(啊|呐|呀|哪)|求救|sos|(快|赶紧|赶快|马上|帮(我|忙))(叫|打|报)(警|120|110|119|救护车|消防)|"
              + "(叫|打)了(120|110|119|救护车)|救护车(来了|到了|还没来)|我要报警|报警了|快报警");

  /** Asks someone to come at once; urgent together with a danger signal. */
  private static final Pattern HURRY =
      Folded.pattern(
          "快来|快点来|快过来|赶紧来|赶快来|马上来|快派人|赶紧派人|急急急|十万火急|[!！]{2,}|(快点|赶紧|赶快)(来|派|处理|救|过来)");

  /**
   * A danger that lasts while nobody acts: someone trapped, missing, not seen for days or lying
   * still, gas, a child in danger. Money and how-to words around it do not make it a question.
   */
  private static final Pattern ONGOING =
      Folded.pattern(
          // trapped
          "电梯.{0,8}(困|关住|关人|关了人|卡住|夹)|(?<![特贫])困人(?!员)|困(在|住)|被困(?!难|扰|境)|关在.{0,6}(里|电梯)|卡在电梯|"
              + "(电梯|屋|房间|厕所|卫生间|阳台|门|车|里面|里头|我|" + PERSON + ").{0,8}出不(来|去)|卡(在|住).{0,8}出不(来|去)|被(反)?锁在.{0,6}(阳台|屋|家|房|厕所|卫生间|里)|"
              + "电梯.{0,12}(里面|里头)(还)?有人|有人.{0,6}(困|关|卡)(在)?电梯|反锁在|锁在(屋|家|车|房间|厕所|卫生间)|"
              // gas
              + "(煤气|燃气|天然气|液化气|瓦斯)的?(味|泄漏|泄露|漏了|漏气|在漏)|(燃气|煤气|天然气)(管|管道).{0,6}(断|破|裂|漏)|"
              + "挖(断|破).{0,4}(燃气|煤气|天然气)|(燃气|煤气|阀门|灶).{0,4}关不(掉|上|了)|漏气|"
              + "闻到.{0,6}(煤气|燃气|天然气|臭鸡蛋)|报警器.{0,4}(响|叫|报警|在报)|一氧化碳|"
              // unresponsive or lying still
              + "晕倒|昏倒|昏迷|晕过去|昏过去|晕低|不省人事|起唔到身|倒在.{0,4}(路|地|门口|楼道|家|屋)|躺在.{0,8}(不动|起不来)|一动不动|"
              + "(摔|倒|躺).{0,6}起不来|叫不醒|叫不应|(叫|喊|敲|拍|推|摇|人|他|她|妈|爸).{0,4}没(有)?(反应|呼吸)|没(有)?呼吸|没气了|"
              + "不喘气|呼吸困难|喘不上气|喘不过气|抽搐|抽风|不舒服.{0,10}(断了|挂了|没声|没人接|打不通|联系不上)|"
              + "割腕|自杀|轻生|想不开|跳楼|寻死|(要|想)跳(下去|楼|河|江|湖|桥)|跳下去|"
              + "(有人|" + PERSON + ").{0,6}(坐|站|蹲|爬|翻)(在|到|上|出)?.{0,4}((楼顶|天台|屋顶|楼).{0,2}(边|沿|外)|窗台|窗户外|护栏外|栏杆外|护栏上|栏杆上)|"
              + "不想活|活不下去|活着没意思|想死|(有|出了|发生了)(紧急|急)(情况|事)|"
              // missing or not seen
              + "走失|走丢|失联|迷路|走唔见|走不见|" + KIN + ".{0,12}(联系不上|找不到|找不着|找不见|没找着|没找到|没找见|不见了|唔见|没回家|没回来|打不通|没人接|不接电话|电话不接)|"
              + "(老年痴呆|痴呆|失智|阿尔茨海默|认知症|认知障碍).{0,20}(没回|没找|找不|不见|走丢|丢了)|(出门|出去).{0,12}(找不(到|着|见)|没找(到|着|见))|"
              + "到现在(都|也)?(还)?(没|没有)(找着|找到|找见)|一直没(找到|找着|找见)|"
              + "(" + PERSON + "|独居|那家|这家|那户|这户|住户).{0,12}((几|好几|两|三|四|五|多|\\d+)天|好久|很久|一直)(都|也)?没(有)?"
              + "(见|看到|看见|出门|出来|回来|回家|露面|开门|下楼|接电话|人影|动静|消息|亮灯|亮过灯)|"
              + "(出门|出去|走了).{0,12}(还)?没(回来|回家)|到现在(还)?没回(来|家)|(报纸|牛奶|快递|信件).{0,10}(堆了|没人拿|没拿)|"
              + "(几|好几|两|三|多)天没(见|看到|看见)(人|到(他|她|人))|敲门(都|也)?没(人)?(应|开|反应|回应)|"
              // a child in danger
              + "(孩子|小孩|娃|宝宝|婴儿|小朋友).{0,10}(反锁|锁在|被锁|锁了|关在|困在|爬(上|到)|窗台|阳台外|悬空|掉下|哭了(很|好)久|一直哭|哭个不停)|"
              + "把(孩子|小孩|娃|宝宝).{0,4}(锁|关)|大人(好像|都)?不在(家)?|家里没(有)?大人");

  /** A neighbouring flat shut for days: a danger when someone worries or smells something. */
  private static final Pattern NEIGHBOUR_SHUT =
      Folded.pattern(
          "(隔壁|对门|对面|楼上|楼下|那家|这家).{0,8}((几|好几|两|三|四|五|多|\\d+)天|好久|很久)(都|也)?没(有)?(开门|开过门|动静|人影|见人|看到人|出门|亮灯|开灯)");

  private static final Pattern WORRY =
      Folded.pattern("臭|怪味|异味|味道|出事|出什么事|担心|害怕|不放心|没人应|没(有)?反应|没人开|不接");

  /** The danger is over (找回来了, 火灭了): nothing left to rush to. */
  private static final Pattern RESOLVED =
      Folded.pattern("找回来了|已经找到了|找到了[,，。!！]|找到了$|没事了|救出来了|已经(灭|扑灭)了|火(已经)?灭了|已经处理好了|已经解决了");

  /**
   * Harm that may already be over (a fire, a fall, a bite, a fight, a flood): urgent when
   * reported, information when the message asks about money or how to act in general.
   */
  private static final Pattern HARM =
      Folded.pattern(
          // fire
          "着火|失火|起火|火灾|火警|烧起来|烧着了|点着了|着起来|燃起来|火苗|明火|火光|火花|冒火|爆炸|焦味|烧焦|糊味|鼓包|"
              // hurt
              + "摔倒|摔了一?跤|摔伤|摔下|摔在地上|跌倒|跌亲|跌低|倒在地上|倒地|"
              + "(心脏病|心梗|脑梗|中风|哮喘|癫痫).{0,3}(发作|犯了|发了)|中风了|脑梗了|心梗了|"
              + "胸口.{0,3}(闷|痛|疼|憋|难受)|胸(痛|闷)|心口.{0,2}(痛|疼)|嘴(巴)?歪|口眼歪斜|半边(身子|身体|脸).{0,4}(不能动|动不了|没知觉|麻|没力)|"
              + "羊水破|要生了|快生了|止不住|流了.{0,4}血|大出血|出冷汗|口吐白沫|抽筋倒地|(高烧|发烧).{0,4}(抽|惊厥)|惊厥|"
              + "误服|误食|误喝|误吞|吃了(一把|好多|好几|很多|一瓶|半瓶|一整瓶|整瓶).{0,4}(药|片|粒|颗)|把.{0,6}药.{0,4}吃了|"
              + "(喝|吃|吞)了.{0,4}(农药|敌敌畏|百草枯|老鼠药|鼠药|84|消毒液|洗洁精|洁厕|漂白|杀虫剂|汽油)|"
              + "扎穿|刺穿|钢筋.{0,6}(扎|刺|插)|从.{0,8}(高处|楼上|梯子|脚手架|架子|屋顶|楼顶|树上|窗户|阳台|楼梯).{0,4}(摔|掉|跌|坠|滚)|坠楼|"
              + "被.{0,6}砸(伤|中|晕|倒|到(头|人))|被.{0,4}压(住|伤)|(腿|手|胳膊|脚).{0,2}(断了|摔断)|"
              + "突发|吐血|出血|流血|血流|受伤|骨折|中毒|烫伤|烧伤|"
              + "触电|电到人|被电(到|击)|漏电(?!保护|开关|断路)|"
              // animals
              + "(狗|犬|猫|蛇).{0,10}(咬|扑)|咬伤|咬人|被咬|遭咬|(被|遭)(狗|犬|猫|蛇|人).{0,4}咬|"
              // violence and crime
              + "打架|打人|打起来|动手了|被打(?!扰|折|卡|印|回)|被.{0,4}打(了|伤|得)|打我(?!电话|手机)|打(孩子|小孩|老人|老婆|媳妇|我妈)|"
              + "惨叫|呼救|可疑(的)?人|被盗|家暴|持刀|拿刀|拿着刀|砍人|捅人|砸东西|砸门|威胁|闹事|抢劫|小偷|有人(在)?偷|入室|撬.{0,6}(门|锁)|门被撬|陌生人.{0,6}(敲门|跟着|尾随|闯)|"
              + "猥亵|性侵|虐待|跟踪我|"
              // water
              + "淹了|被淹|水淹|淹到|淹水|倒灌|(车库|地下室|一楼).{0,4}进水|冲走|冲倒|溺水|落水|(积水|水).{0,6}(齐腰|齐胸|没过|到腰|到胸|到脖子)|掉(进|到)?(河|水|井|湖)里|掉(进|到|下)(了)?.{0,6}(河|水|井|湖|池|塘|坑|沟)|"
              + PERSON + ".{0,6}掉(进|到|下)(去)?|"
              // structures
              + "塌了|坍塌|倒塌|(要|快)(塌|掉下来)|砸(到|伤|中)(人|了人|头|孩子|小孩|老人)|砸伤");

  /** Harm named last, as the whole report (着火, 楼下打架), not as the topic of a phrase (跌倒风险评估). */
  private static final Pattern HARM_AT_END = Pattern.compile("(" + HARM.pattern() + ")[\\p{P}\\s了啦咯啊呀]{0,8}$");

  /** Over, or in hand: yesterday, or already in hospital. */
  private static final Pattern PAST = Folded.pattern("昨天|昨晚|前天|前几天|上周|上个月|上次|那天|(现在|已经|正)在医院|住院|送医|送到医院|出院|已经送");

  /** Still not over, whenever it began. */
  private static final Pattern NOT_OVER =
      Folded.pattern("到现在|至今|还没(找到|回来|回家|出来|联系上|醒|救出来)|还在|仍然|一直没(回|找到|联系上)");

  /** A child alone is a danger when reported, not when asked about (孩子一个人在家可以吗). */
  private static final Pattern CHILD_ALONE = Folded.pattern("(孩子|小孩|娃|宝宝|婴儿|小朋友).{0,10}(一个人|独自|没人管)");

  /** Smoke is a fire signal unless it comes from cooking, a barbecue or a cigarette. */
  private static final Pattern SMOKE = Folded.pattern("冒烟|冒黑烟|冒白烟|有烟|浓烟|烟很大|好大的烟|好多烟|很多烟|全是烟|满是烟|烟好大|烟雾|烟味");

  private static final Pattern HARMLESS_SMOKE =
      Folded.pattern("烧烤|油烟|抽烟|吸烟|香烟|烟花|烟头|烟酒|做饭|炒菜|嗓子|烟雾报警器|烟感");

  /** A lift with someone inside is a trapped person, however it is worded. */
  private static final Pattern LIFT = Folded.pattern("电梯");

  private static final Pattern INSIDE =
      Folded.pattern("(我|" + PERSON + ").{0,4}(还)?在(电梯)?里(面|头)|里(面|头)(还)?有人|(停|卡)在.{0,6}(中间|半空)");

  /** Hypothetical: information even when a person is named (万一我妈晕倒了怎么办). */
  private static final Pattern CONDITIONAL = Folded.pattern("万一|如果|假如|假设|要是|倘若|一旦");

  /**
   * Prevention, risk, rules or training: information, unless the message also reports the danger
   * as happening (楼道里电动车充电冒烟了，有什么规定).
   */
  private static final Pattern RULES =
      Folded.pattern(
          "预防|防范|防止|避免|隐患|案例|防(走失|跌倒|摔|火|溺水|诈|盗|汛|滑|烫|触电|中毒|一氧化碳|煤气|家暴)|怎么防|如何防|会不会|容易|"
              + "规定|法规|条例|处罚|罚款|违法|犯法|违规|允许|禁止|不准|培训|演练|讲座|知识|常识|宣传|科普|去年|曾经|安全检查");

  /** A habit, not an event (电梯老是困人, 我家老人经常摔倒): a question or a complaint, not an alarm. */
  private static final Pattern HABIT = Folded.pattern(
          "经常|老是|总是|时常|常常|有时候|有时会|(?<!一)动不动|每次|每逢|每当|每到|一到|隔三差五|三天两头|"
              + "一(下|落|刮|来|遇)(大|暴)?(雨|风|台风|雪|暴雨).{0,10}就");

  /** This time: a habit word no longer makes it general (经常摔倒，今天又摔倒了). */
  private static final Pattern THIS_TIME = Folded.pattern("今天|今晚|这次|这会|现在又|又.{0,6}了");

  /** A situation described as a general case: information unless the speaker is in it. */
  private static final Pattern SITUATION =
      Folded.pattern("(遇到|碰到|遇上|发生|出现).{0,16}(怎么|如何|应该|该|要)|(的时候|时候|时)(应该|应|该|要|怎么|如何|可以|能)");

  /**
   * Worry or prevention (怕…, 担心…会…, 以防, 防止): information when it comes before the danger in
   * the same clause and the message asks something (怕老妈在家摔倒了没人知道，能装呼叫器吗), not
   * when it follows a reported danger (我妈摔倒了起不来，怕她骨折了).
   */
  private static final Pattern WORRY_FRAME =
      Folded.pattern("(?<![害可恐哪])怕(?!是|不是)|担心|担忧|以防|为防|防止|生怕|预防");

  /** Asks about a service, a facility or a rule, not what to do about someone now. */
  private static final Pattern SERVICE_ASK =
      Folded.pattern(
          "社区|小区|物业|街道|居委|能不能|可不可以|可以|有没有|能否|有得|申请|装|服务|规定|政策|补贴|哪里|哪儿|在哪|集中|统一|设施|设备|手环|呼叫器|报警器|改造");

  /** Ends a clause: a worry word does not reach over it. */
  private static final Pattern CLAUSE_END = Pattern.compile("[,，。.!！;；?？]");

  /** A hazard, not an event (火灾隐患, 很危险), as opposed to the harm itself. */
  private static final Pattern HAZARD =
      Folded.pattern("隐患|有危险|很危险|太危险|挺危险|好危险|危险性|有风险|存在风险|不安全");

  /** Who handles it, where to report it, what the rules are. */
  private static final Pattern WHO_HANDLES =
      Folded.pattern(
          "找谁|向谁|跟谁|归谁|谁(来)?(管|负责|处理|清理|修)|哪个部门|什么部门|(在|去)?哪(里|儿)?(报修|反映|投诉|举报|报)|"
              + "规定|电话|热线|怎么(反映|投诉|举报|处理)|有没有人管");

  /** A category referred to in general (像电梯困人这种情况), not one the speaker is in. */
  private static final Pattern CATEGORY =
      Folded.pattern(
          "像.{1,24}(这种|这类|这样的|之类的?|那种|那样的|等)(紧急|突发|危险)?(情况|事情|事件|事|问题|状况|时候)|"
              + "(这类|此类|类似|这一类|这些)(的)?(紧急|突发|危险)?(情况|事情|事件|问题|状况)|"
              + "(遇到|碰到|遇上|发生|出现).{1,16}(的时候|时)");

  /** The speaker is in it now (我被困, 我们正在), so a general-sounding case is their own. */
  private static final Pattern SPEAKER_IN = Folded.pattern("(我|我们|俺)(现在|正|被|还)");

  /**
   * Already reported or over (已经报警了, 打了120没救回来, 人走了): a question about what comes
   * next when paired with {@link #PROCEDURE} and nothing still going on.
   */
  private static final Pattern HANDLED =
      Folded.pattern(
          "已(经)?报(了)?警|报了警|报过警|已(经)?报案|派出所(给|开|出具|发)了|"
              + "(打|叫)了(120|110|119|救护车).{0,12}(没救|救不|走了|去世|过世)|救不回来|没(有)?救(回来|过来|活)|没抢救过来|"
              + "人(已经)?走了|已经走了|去世了|过世了|已经不在了");

  /** What to do next, which papers, who issues them. */
  private static final Pattern PROCEDURE =
      Folded.pattern(
          "接下来|下一步|手续|后事|找谁开|谁开|(去|在)?哪(里|儿)?开|开(什么|哪些)?证明|证明|证据|能不能当|能当|流程|怎么办理|"
              + "办什么|办啥|理赔|保护令|告诫书|验伤|回执|立案|注销|火化|殡葬|丧葬|抚恤");

  /** Still going on, whatever was already done. */
  private static final Pattern LIVE =
      Folded.pattern("还没(来|到|醒|走|出来)|还在|一直在|正在|现在还|又(来|在)|不肯走|还不走|没醒");

  /** Asks why something happens (一般是什么原因, 为什么会, 是怎么回事). */
  private static final Pattern CAUSE =
      Folded.pattern("什么原因|啥原因|为什么会|为啥会|为什么|怎么回事|咋回事|是不是坏了|正常吗|怎么会");

  /** The alarm or symptom stopped, or comes and goes (响了一下又停了, 时不时). */
  private static final Pattern SETTLED =
      Folded.pattern(
          "(又|就|后来|然后|自己)(停|好|没事)了|不响了|没(有)?再响|(响|叫|痛|疼|闷)了(一下|几声|两声|一声|一会)|时不时|偶尔|有时|过一会(儿)?(就)?(停|好)");

  /** It goes on now: a continuing sound or smell outweighs a cause question. */
  private static final Pattern CONTINUING =
      Folded.pattern("一直|还在|不停|个不停|满屋|满是|(味|气味|味道)(很|好|特别)?(重|浓|大|冲)|闻到|(一)?股.{0,4}味|现在还|又响");

  /** A discovery framed in general, or besides the police (除了报警还能找谁). */
  private static final Pattern BESIDES_POLICE =
      Folded.pattern("除了(报警|报案|打(110|120|119)|找警察|叫警察|110|120|119)|(一旦|若是|若|平时|以后|今后)(发现|看到|遇到|碰到)");

  /** Asks for a contact. */
  private static final Pattern CONTACT =
      Folded.pattern("找谁|联系谁|找哪|找什么|电话|热线|哪个部门|什么部门|求助|反映|谁管|还能|还可以|哪个人");

  /** Money, benefits, buying or registering afterwards. */
  private static final Pattern AFTERMATH =
      Folded.pattern(
          "救助|补助|补贴|申请|工伤|报销|赔偿|赔|理赔|保险|多少钱|价格|费用|在哪买|哪里买|哪买|购买|登记|联系人|调解|起诉|责任|"
              + "谁负责|谁承担|保护令|服务|托管|护理|(火灾|着火|失火|起火|事故|被淹|水淹)(之)?后");

  /** How-to knowledge, outweighed by a named person or place. */
  private static final Pattern HOW_TO =
      Folded.pattern(
          "应该怎么|应该如何|该怎么|该如何|怎样|如何|怎么判断|怎么知道|症状|自救|逃生|急救(知识|方法|措施)|注意什么|注意事项|原因|为什么|为啥|疫苗|打针|流程|步骤|"
              + "哪个部门|什么部门");

  /** Happening right now: outweighs even hypothetical words. */
  private static final Pattern NOW = Folded.pattern("正在|刚才|刚刚|此刻|这会儿");

  /** Still going on: outweighs money and how-to words. */
  private static final Pattern STILL = Folded.pattern("还在|一直在|现在还|现在正|还没出来|还困");

  /** A particular person or place, so the message is about a real case. */
  private static final Pattern ANCHOR =
      Folded.pattern(
          "(?<!想|要|请)我(?!想|要问|问|咨询)|俺|咱家|我们|邻居|隔壁|对门|楼上|楼下|有人|有个|一个(老人|人|小孩|孩子)|这个|那个|"
              + "\\d+(号楼|号|栋|幢|单元|楼|层|室)|[一二三四五六七八九十]+(号楼|栋|单元|楼|层)|楼道|车库|门口|小区|屋头|屋里|屋企|"
              + "阿妈|阿爸|老汉|老豆|佢|女儿|儿子|老公|老婆|爱人|老伴|爷爷|奶奶|外公|外婆|姥姥|姥爷|妈|爸|母亲|父亲|阿婆|阿公");

  /** Said as an event (了, 咯, 咗, an exclamation) rather than named as a topic. */
  private static final Pattern EVENT = Folded.pattern("了|啦|咯|喽|咗|嘞|着呢|[!！]|有.{0,3}(味|烟)|闻到|看到|发现|还没|出.{0,3}事|"
              + "(一|这|那)股.{0,4}(味|臭)|得(很|厉害|要命|不行|受不了)|受不了|好(难受|痛|疼)|(一直|还在|不停|个不停)(在)?(响|叫|流|抽|吐)");

  /** The speaker is in it, so a general-sounding situation is their own. */
  private static final Pattern FIRST_PERSON =
      Folded.pattern("(?<!想|要|请)我(?!想|要问|问|咨询)|俺|咱家|阿妈|阿爸|老汉|老豆");

  private Danger() {}

  /** Judges one folded message; {@code questionMarked} when it reads as a question at all. */
  static Verdict judge(String t, boolean questionMarked) {
    boolean call = CALL.matcher(t).find();
    boolean ongoing = ongoing(t, questionMarked);
    boolean harm = HARM.matcher(t).find();
    boolean live = LIVE.matcher(t).find() || NOT_OVER.matcher(t).find() || HURRY.matcher(t).find() || NOW.matcher(t).find();
    if (!live && HANDLED.matcher(t).find() && PROCEDURE.matcher(t).find()) {
      return ongoing || harm || call ? Verdict.INFORMATION : Verdict.NONE;
    }
    if (!ongoing && !harm) {
      return call ? Verdict.URGENT : Verdict.NONE;
    }
    if (!call && RESOLVED.matcher(t).find()) {
      return Verdict.NONE;
    }
    if (call || HURRY.matcher(t).find() || NOW.matcher(t).find()) {
      return Verdict.URGENT;
    }
    if (PAST.matcher(t).find() && !NOT_OVER.matcher(t).find()) {
      return Verdict.NONE;
    }
    boolean event = EVENT.matcher(t).find();
    boolean anchor = ANCHOR.matcher(t).find();
    if (CONDITIONAL.matcher(t).find() || (HABIT.matcher(t).find() && !THIS_TIME.matcher(t).find())) {
      return Verdict.INFORMATION;
    }
    if (questionMarked && !live && framedAsInformation(t, ongoing, event)) {
      return Verdict.INFORMATION;
    }
    if (RULES.matcher(t).find() && !(event && (ongoing || anchor))) {
      return Verdict.INFORMATION;
    }
    if (SITUATION.matcher(t).find() && !FIRST_PERSON.matcher(t).find()) {
      return Verdict.INFORMATION;
    }
    if (!anchor && !event && (questionMarked || !(ongoing || HARM_AT_END.matcher(t).find()))) {
      return Verdict.INFORMATION;
    }
    if (ongoing || STILL.matcher(t).find()) {
      return Verdict.URGENT;
    }
    if (AFTERMATH.matcher(t).find() || (!anchor && HOW_TO.matcher(t).find())) {
      return Verdict.INFORMATION;
    }
    return Verdict.URGENT;
  }

  /**
   * Worry before the danger, a hazard with who handles it, a category in general, a cause question
   * about an alarm that stopped, or a discovery besides the police asking for a contact.
   */
  private static boolean framedAsInformation(String t, boolean ongoing, boolean event) {
    if (worryComesFirst(t) && SERVICE_ASK.matcher(t).find() && !CONTINUING.matcher(t).find()) {
      return true;
    }
    if (HAZARD.matcher(t).find() && WHO_HANDLES.matcher(t).find() && !(ongoing && event)) {
      return true;
    }
    if (CATEGORY.matcher(t).find() && !SPEAKER_IN.matcher(t).find()) {
      return true;
    }
    if (CAUSE.matcher(t).find() && SETTLED.matcher(t).find() && !CONTINUING.matcher(t).find() && !INSIDE.matcher(t).find()) {
      return true;
    }
    return BESIDES_POLICE.matcher(t).find() && CONTACT.matcher(t).find();
  }

  /** A worry word that opens the clause in which the danger is named. */
  private static boolean worryComesFirst(String t) {
    Matcher worry = WORRY_FRAME.matcher(t);
    if (!worry.find()) {
      return false;
    }
    int danger = firstStart(t, ONGOING, HARM);
    return danger > worry.start() && !CLAUSE_END.matcher(t.substring(worry.start(), danger)).find();
  }

  private static int firstStart(String t, Pattern a, Pattern b) {
    Matcher ma = a.matcher(t);
    Matcher mb = b.matcher(t);
    int first = ma.find() ? ma.start() : Integer.MAX_VALUE;
    if (mb.find()) {
      first = Math.min(first, mb.start());
    }
    return first == Integer.MAX_VALUE ? -1 : first;
  }

  private static boolean ongoing(String t, boolean questionMarked) {
    return ONGOING.matcher(t).find()
        || (NEIGHBOUR_SHUT.matcher(t).find() && WORRY.matcher(t).find())
        || (SMOKE.matcher(t).find() && !HARMLESS_SMOKE.matcher(t).find())
        || (LIFT.matcher(t).find() && INSIDE.matcher(t).find())
        || (!questionMarked && CHILD_ALONE.matcher(t).find());
  }
}
