package org.linli.kb.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages written for these rules (none taken from an evaluation set), by what they should
 * become: an urgent forward, a forward, small talk with its rule, or a question to answer.
 */
class IntentClassifierCasesTest {

  private final IntentClassifier classifier = new IntentClassifier();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      电梯困人了
      我爸被困在电梯里了
      电梯困人了！快来
      5号楼电梯停在两层中间，里面有人
      电梯坏了我妈在里面出不来
      电梯卡住了，我和孩子在里面
      電梯裡面有人出不來
      刚才电梯困人了，有没有人管
      我被困在电梯里了，怎么自救
      隔壁独居老人好几天没见到了
      对门的老奶奶三天没出门了，敲门也没人应
      楼上独居的大爷两天没动静了，电话也没人接
      邻居家的狗把我家孩子咬了
      遭狗咬了，娃儿在哭
      小区里有条狗咬人了
      我儿子被狗咬了去哪打狂犬疫苗
      楼道里电动车充电冒烟了
      楼道电瓶车在充电，冒烟咯
      楼下电动车充电起火了
      楼道里有股烧焦的味道，好像是电动车在充电
      樓道裡冒煙了
      着火咯！
      家里着火了，快来
      3号楼着火了应该怎么逃生
      三楼有煤气味
      厨房燃气泄漏了怎么办
      燃气报警器一直在响
      闻到很重的天然气味
      暴雨地下车库进水了，还有人在里面挪车
      地下车库被淹了，有人被困在车里
      我老公又打我了
      隔壁在家暴，女的一直在哭喊
      有人在楼道里打架，拿着刀
      我家老人走丢了，穿灰色外套
      孩子放学没回家，电话打不通
      我妈走唔见了
      有人晕倒在小区门口
      我妈在屋头晕倒了
      我妈晕倒了怎么办
      我媽暈倒了
      老人摔倒了起不来
      我爸叫不醒了
      救命啊
      快来人
      孩子一个人在阳台窗台上爬
      有人要跳楼
      我妈做饭的时候突然晕倒了
      电梯突然停了，我被关在里面了
      电梯困住人了，物业电话打不通
      电梯困人了，应急电话是多少
      爷爷在电梯里出不来了，物业电话多少
      电梯坏了，我奶奶在里面
      独居老人好几天没见到了，社区有没有上门探访服务
      我家隔壁的独居老人好几天没开门了，打电话也不接
      独居老人家里好几天没亮灯了
      对门老人家里有臭味，敲门没人开
      我家老人有阿尔茨海默病，今天出门到现在还没回来
      有个老人在小区里迷路了
      狗把小孩咬伤了，在流血
      女儿被狗咬了要不要打疫苗
      娃儿遭狗咬了，流血了
      电动车在楼道充电，现在有烟冒出来了
      电瓶车电池鼓包了还在充电
      楼道里电动车充电的时候冒烟了，怎么办
      家里有煤气味应该怎么处理
      燃气灶关不掉了
      地下车库在进水，我车还在下面
      小区门口积水很深，有老人被困在车里
      隔壁天天打孩子，孩子哭得很惨
      邻居家孩子一直哭，大人好像不在家
      孩子被反锁在家里了
      有人在小区里持刀伤人
      一个老人倒在路边
      楼下有个老人躺在地上不动
      我奶奶喘不上气了
      外墙瓷砖掉下来砸到人了
      楼道里的电线冒火花了
      有紧急情况，快回复
      有人吗，救救我
      活着没意思
      屋头着火咯，快点来人
      我阿媽喺屋企暈低咗
      我阿嫲跌親咗，起唔到身
      個仔唔見咗
      有煤氣味呀
      老人摔了一跤
      着火
      家暴
      楼下打架
      昨天我妈出门到现在还没回来
      昨天电梯困人了，人还没救出来
      帮我叫救护车
      电梯困人了😭
      救命😭😭
      你好，我爸在电梯里出不来了
      我媽在電梯裡出不來
      SOS
      楼道里电动车在充电，我闻到焦糊味了
      住户把电动车推到楼道里充电，冒烟了
      小孩子玩火把窗帘点着了
      厨房油锅起火了
      老人在家里一个人住，最近不接电话
      我好像听到楼上有人喊救命
      我家老人经常摔倒，今天又摔倒了起不来
      电梯老是坏，今天又困人了
      樓下著火了
      有人暈倒了
      狗咬人了
      隔壁獨居老人好幾天沒見到了
      樓道電動車充電冒煙了
      燃氣洩漏了
      我爸被困在電梯裏了
      邻居老太太好几天没出门，会不会出什么事
      楼道里电动车充电冒烟了，请问电动车充电有什么规定
      家里有煤气味会不会爆炸
      电梯关人了
      电梯卡在三楼和四楼之间，我老婆在里面
      请问电梯困人了怎么处理
      电梯困人了，有没有相关的指南
      小区的狗咬了一个小孩，请问狂犬疫苗哪里打
      楼下的狗咬了我家孩子，狗主人不管，怎么办
      闻到煤气味应该怎么处理
      电动车在楼道里充电冒烟了，物业管不管
      我家楼下有人晕倒了，快叫救护车
      有老人在小区门口摔倒了，流了很多血
      一个小孩掉进小区水池里了
      孩子在阳台上，窗户开着，大人不在
      邻居家着火了，里面好像有人
      闻到一股焦味，不知道哪家着火了
      楼道里好多烟
      电梯里有人晕倒了
      有人在撬我家的门
      天然气管道被挖断了
      老人掉进窨井里了
      树倒了砸到人了
      楼道里电动车冒烟了，会着火吗
      """)
  void someone_in_danger_now_is_forwarded_as_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      电动车在楼道充电容易着火吗有什么规定
      电动车在楼道充电会着火吗
      充电宝放在车里暴晒会爆炸么
      燃气报警器多少钱在哪买
      家里着火了有没有救助
      紧急联系人怎么登记
      楼上渗水物业不管可以找谁调解
      万一电梯困人了怎么自救
      萬一電梯困人了怎麼自救
      家里着火了应该怎么逃生
      电梯困人时应该怎么自救
      燃气泄漏应该怎么处理
      防止老人走失有什么办法
      被狗咬了去哪里打狂犬疫苗
      狗咬人谁负责
      火灾保险怎么买
      暴雨天地下车库会不会被淹
      地下车库被淹了车辆损失怎么理赔
      遇到家暴可以向哪里求助
      遭受家暴能申请人身保护令吗
      老人摔倒了应该怎么扶
      一氧化碳中毒怎么预防
      报警电话是多少
      燃气灶漏气会不会爆炸
      如果孩子被锁在车里怎么办
      烟雾报警器在哪领
      遇到有人晕倒应该怎么急救
      楼道灯坏了找谁修
      小区有消防演练吗
      高空抛物怎么处罚
      电梯困人一般多久能救出来
      电梯困人的时候应该怎么做
      电动车充电冒烟怎么办
      电动车充电起火的原因
      电动车楼道充电起火谁负责
      电动车电池着火用水能灭吗
      万一着火了要赶紧跑吗
      地下车库容易进水吗
      暴雨天气地下车库的车被淹了保险赔吗
      被狗咬伤后怎么报销
      被狗咬了多久内打疫苗
      狗咬伤了别人主人要负什么责任
      老人在家摔倒了有什么补贴
      老人摔伤住院医保能报多少
      家里的老人中风了，能申请护理补贴吗
      突发心脏病怎么急救
      孩子一个人在家可以吗
      小孩子几岁可以一个人在家
      走失老人怎么找回
      家暴怎么取证
      打架斗殴会被拘留吗
      高空抛物砸到车了谁赔
      外墙瓷砖脱落谁负责维修
      独居老人可以申请紧急呼叫设备吗
      家里安装烟雾报警器有补贴吗
      紧急求助电话是多少
      紧急情况怎么联系社区
      急！低保怎么申请
      特困供养怎么申请
      困难家庭有什么补助
      狂犬疫苗报销吗
      地震来了怎么逃生
      请问电梯困人拨打什么电话
      跌倒风险评估
      家暴庇护所
      防走失手环
      电动车火灾事故案例
      叫救护车要钱吗
      我爸晕倒了，现在在医院，医保怎么报
      昨天电梯困人了，物业一直不处理，找谁投诉
      上周家里着火，房子烧坏了，能申请救助吗
      我妈昨天摔倒骨折了，现在需要护工，有补贴吗
      我们小区电梯经常困人怎么办
      我家老人经常摔倒，有什么办法
      我爸老年痴呆经常走失，社区能帮忙吗
      早上好，请问家里着火了有没有救助
      電動車在樓道充電容易著火嗎
      燃氣報警器多少錢
      家裡著火了應該怎麼逃生
      电动车着火已经扑灭了，损失谁来赔
      被猫抓了要打疫苗吗
      緊急聯絡人怎麼登記
      樓上滲水物業不管可以找誰調解
      小区电梯容易困人吗
      老人摔倒了容易骨折吗
      """)
  void an_information_question_with_alarming_words_gets_its_answer(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      我的居住证办到哪一步了               | personal-case
      我妈的高龄补贴怎么还没到账           | personal-case
      我上个月交的申请到现在还没批         | personal-case
      查一下我的医保缴费记录               | personal-case
      我家的低保被停了                     | personal-case
      我儿子的入学申请被退回了             | personal-case
      我的低保这个月没到账帮我查一下       | action
      楼上邻居天天在楼道里堆东西           | action
      能不能派人来看看我家水管             | action
      麻烦上门修一下暖气                   | action
      楼下又在烧烤，烟全飘我家来了         | action
      消防通道被占了没人管                 | action
      帮我约一下社区医生上门               | action
      楼道灯坏了                           | repair
      樓道燈壞了                           | repair
      单元门禁刷不开了                     | repair
      下水道堵了好几天了                   | repair
      楼道灯坏了好几天莫得人管             | repair
      小区门口的路灯不亮了                 | repair
      楼上漏水到我家天花板                 | repair
      电梯又坏了，麻烦物业管一下           | repair
      停水了                               | repair
      电梯坏了三天没人修                   | repair
      电梯门关不上                         | repair
      我家燃气表坏了                       | repair
      莫得人管嗦，电梯又坏了               | repair
      你好，我家楼道灯坏了                 | repair
      我要投诉楼上漏水                     | repair
      楼道里有人给电动车充电               | action
      又有人把电动车推进楼道充电了         | action
      拜托帮我查一下                       | action
      我想预约明天上午办居住证             | action
      小区门口的垃圾好几天没人清了         | action
      有人在小区里乱停车堵住消防通道       | action
      楼上半夜装修太吵了，能不能管一下     | action
      我申请的廉租房审核通过了吗           | personal-case
      我上周提交的居住证申请现在什么进度   | personal-case
      我妈的养老金这个月少了两百           | personal-case
      我家的高龄补贴停发了是什么原因       | personal-case
      卫生间天花板在滴水                   | repair
      井盖丢了很危险                       | repair
      树枝快断了，下面停着车               | repair
      楼道的窗户玻璃碎了                   | repair
      大风把广告牌吹下来了                 | repair
      电梯里的灯坏了                       | repair
      我爸腿脚不好下不了楼，电梯坏了能不能尽快修 | repair
      昨晚楼道电动车起火了，谁来管管       | action
      """)
  void a_personal_case_or_a_request_for_action_goes_to_a_person(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, false, rule));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      外地人怎么办居住证           | question
      低保怎么申请                 | question
      高龄补贴需要什么材料         | question
      老年证在哪办                 | question
      社区食堂几点开门             | question
      新生儿医保怎么办理           | question
      居住证办理流程               | question
      咋个办居住证                 | question
      点样申请高龄津贴             | question
      独居老人有什么补贴           | question
      小区里可以给电动车充电吗     | question
      电梯多久检修一次             | question
      心脏病可以办慢病卡吗         | question
      谢谢！那材料要带啥           | question
      你好，请问居住证怎么办       | question
      好的，那还要带户口本吗       | question
      在吗？低保怎么申请           | question
      谢谢，请问低保多久到账       | question
      有人在吗，我想问问           | question
      你好，我想咨询一下           | question
      咋个申请低保                 | question
      低保啥子时候发               | question
      请问长者卡喺边度办           | question
      有冇人知道社区中心几点开门   | question
      打疫苗要预约吗               | question
      门禁卡丢了怎么补办           | question
      噪音扰民怎么投诉             | question
      电动自行车可以带进电梯吗     | question
      社区有没有电动车集中充电的地方 | question
      养犬登记怎么办               | question
      垃圾分类投放时间             | statement
      我反映了好几次都没反应       | statement
      你好我想办居住证             | statement
      谢谢，我想办居住证           | statement
      走丢的老人找回来了，谢谢大家 | statement
      我的快递不见了               | statement
      社区工作人员联系不上         | statement
      祝大家元宵节快乐，社区今年有灯会吗 | question
      欢迎新邻居，请问新搬来要办居住登记吗 | question
      """)
  void a_question_or_a_statement_goes_to_the_guides_even_after_a_greeting(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, rule));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      谢谢                         | thanks
      谢谢大家                     | thanks
      多谢                         | thanks
      感谢社区                     | thanks
      辛苦了                       | thanks
      thx                          | thanks
      🙏                           | thanks
      唔该                         | thanks
      謝謝你們的幫助               | thanks
      好的，谢谢                   | thanks
      你好                         | greeting
      大家好                       | greeting
      早上好                       | greeting
      早安                         | greeting
      晚上好                       | greeting
      hi                           | greeting
      Hello!                       | greeting
      在吗                         | greeting
      您好呀                       | greeting
      各位邻居好                   | greeting
      再见                         | farewell
      拜拜                         | farewell
      晚安                         | farewell
      886                          | farewell
      bye                          | farewell
      好的                         | acknowledgement
      收到                         | acknowledgement
      嗯嗯                         | acknowledgement
      OK                           | acknowledgement
      👍                           | acknowledgement
      知道了                       | acknowledgement
      明白                         | acknowledgement
      了解                         | acknowledgement
      好的，那我明天带身份证去     | acknowledgement
      多謝晒                       | thanks
      收到，谢谢                   | thanks
      知道了，谢谢                 | thanks
      感谢感谢🙏🙏                 | thanks
      感谢你的耐心解答，我明天再去一趟 | thanks
      早晨                         | greeting
      hello大家好                  | greeting
      小助手你好                   | greeting
      你好在吗                     | greeting
      有人吗                       | greeting
      明天见                       | farewell
      拜拜啦                       | farewell
      好嘅                         | acknowledgement
      好的好的                     | acknowledgement
      嗯                           | acknowledgement
      明白了，我明天去办           | acknowledgement
      哈哈哈                       | small-talk
      你是谁                       | small-talk
      晚饭吃了吗                   | small-talk
      好无聊                       | small-talk
      今天好热啊                   | small-talk
      今天天气真好                 | small-talk
      😂                           | small-talk
      ？？？                       | small-talk
      你是机器人吗                 | small-talk
      明天会下雨吗                 | small-talk
      。。。                       | small-talk
      国庆节快乐                   | wishes
      祝各位邻居中秋阖家幸福       | wishes
      恭喜发财🧧                   | wishes
      欢迎刚搬来的邻居             | wishes
      祝刘爷爷身体健康             | wishes
      晓得啦                       | acknowledgement
      """)
  void small_talk_is_named_by_what_it_says(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.CHITCHAT, false, rule));
  }

  /** A medical emergency told by its symptoms (chest pain, no breath, fits, a stroke, bleeding, labour, a call cut off). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我爸胸口痛得厉害，一直出冷汗
      我妈突然胸口闷，喘不上气
      老人呼吸困难，嘴唇都紫了
      我老公抽搐倒地了，口吐白沫
      我爸嘴歪了，半边身子不能动
      奶奶好像中风了
      我妈叫不醒，没反应
      我老婆羊水破了
      我老婆要生了，咋个办
      娃儿高烧抽搐了，啷个办
      手割到了，血止不住
      我爸心脏病犯了
      我妈打电话说不舒服然后就断了，再打没人接
      我爸摔了一下，流了好多血
      我爺爺胸口痛，喘不上氣
      楼下大爷突然抽筋倒地了
      我爸胸痛，脸色发白
      隔壁阿姨大出血
      楼下大姐刚才打电话说不舒服，然后电话就断了
      胸口闷得很，喘不上气，啷个办
      """)
  void a_medical_emergency_told_by_its_symptoms_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** Poisoning or an overdose: pills taken by the handful, pesticide, bleach, rat poison, gas. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      孩子误服了降压药
      我家娃把药吃了好几颗
      我奶奶吃了一把安眠药
      邻居大爷喝了农药
      孩子喝了84消毒液
      小孩喝了洗洁精，咋个办
      隔壁一家人好像煤气中毒了
      孩子吃了老鼠药
      我媽吃了一把藥
      我爸误喝了农药怎么办
      孩子误食了干燥剂怎么处理
      """)
  void a_poisoning_or_an_overdose_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** Someone at risk of taking their own life: on a roof edge or a sill, cut wrists, says life is not worth it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      有个人坐在楼顶边上
      有人站在窗台上要跳下去
      我女儿说不想活了
      我朋友想不开，说要跳楼
      我儿子割腕了
      楼上有人要轻生
      有個人坐在樓頂邊上
      我老公站在阳台边上说要跳下去
      有人翻到楼顶外面去了
      我女儿说活起没意思，不想活了
      """)
  void someone_at_risk_of_taking_their_life_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** A missing child, or an elder with dementia who went out and is still not found. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我爸老年痴呆，一早出门到现在还没回来
      我家老人有点失智，早上出去到现在都没找着
      孩子不见了
      我妈有老年痴呆，找不着了
      我爷爷出门买菜，到现在找不见人
      孩子在小区里玩，一转眼找不到了
      我家小孩不見了
      奶奶有阿尔茨海默，早上出门一直没找到
      我屋头老汉有点糊涂，早上出去到现在都没找着
      """)
  void a_missing_child_or_an_elder_with_dementia_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** Someone swept away, fallen in the water, or still inside with the flood at their waist. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      有人被水冲倒了
      一个老人被水冲走了
      有个小孩掉进河里了
      有人落水了
      有人溺水了
      积水齐腰了，我妈还在一楼家里
      有人掉河裡了
      积水都齐腰了，老人出不去
      屋头水淹到腰了，老汉还在里头，啷个办
      """)
  void someone_in_the_water_or_a_flood_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** A child or an elder locked in, or stuck and unable to get out. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      小孩被锁在阳台上了
      我爸被锁在屋里出不来
      门反锁了，小孩一个人在里面
      孩子的手卡在栏杆里出不来
      老人被锁在卫生间里了
      孩子頭卡在欄杆裡出不來
      娃娃被关在阳台上了，门锁了
      娃儿被反锁在屋头了，一个人
      """)
  void someone_locked_in_or_stuck_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** A gas alarm that keeps sounding, with a smell. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      燃气报警器一直在叫，有股味道
      燃气报警器响个不停，闻到有气味
      厨房报警器一直叫，有怪味
      燃氣報警器一直在響，有味道
      燃气报警器一直响，屋里有味道，咋个办
      燃气报警器一直叫唤，一股味道，咋个办
      """)
  void a_gas_alarm_sounding_with_a_smell_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** An injury: impaled, fallen from a height, struck, broken bones. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      工地上有人被钢筋扎穿了
      工人从高处摔下来了
      有人被砸伤了
      我爸从梯子上摔下来，骨折了
      装修工人从脚手架上掉下来了
      工地有人被鋼筋扎穿了
      楼上掉东西下来把人砸伤了
      我爸在工地从架子上摔下来了，腿断了
      工地上有个工人遭钢筋扎穿了
      """)
  void an_injury_at_a_site_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** A welfare check: a flat shut for days with a smell or a worry that something happened. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      隔壁好几天没开门了，有股怪味
      对门好几天没开门，担心出事了
      楼上老人好几天没开门，门口有怪味
      隔壁好多天没开门，闻到一股臭味，会不会出事了
      隔壁那家好几天都没开门，怕他出事
      隔壁好幾天沒開門，有怪味
      隔壁楼上那家好几天没动静，门口一股臭味
      """)
  void a_neighbour_shut_in_for_days_with_a_smell_or_a_worry_is_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  /** Someone asked to come, plead, book or put through; or the progress of the resident's own application. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      麻烦居委会上门去说一说              | action
      麻烦网格员明天来我家一趟            | action
      请社区出面协调一下                  | action
      你们帮我去找他要一下                | action
      能不能请社区的人去跟他谈谈          | action
      麻煩網格員明天來我家一趟            | action
      帮我订一下社区食堂的午餐            | action
      帮我预约下周的体检                  | action
      帮我在长者饭堂订一份饭              | action
      帮我们订一下周六的多功能厅          | action
      幫我訂一下多功能廳                  | action
      我的申请问下进度                    | personal-case
      我交的低保申请一个月了还没消息      | personal-case
      我交的廉租房申请还没批              | personal-case
      补贴申请交了两个月，到现在还没拿到  | personal-case
      帮我转人工                          | action
      我交的申請還沒消息                  | personal-case
      能不能帮我说明一下情况              | action
      帮我跟物业说一下                    | action
      你们能不能帮我跟房东说说            | action
      帮我跟社区说明一下情况              | action
      幫我跟物業說一下                    | action
      麻烦社区派人去跟楼上说一声          | action
      请居委会出面调解一下                | action
      阳台边上的栏杆松了                  | repair
      帮我跟网格员说一下情况              | action
      帮我预约一下明天的多功能厅          | action
      我上个月提交的补贴申请到现在还没批  | personal-case
      """)
  void a_request_to_visit_plead_book_or_chase_goes_to_a_person(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, false, rule));
  }

  /** Symptoms, poisons, dementia, alarms, bookings and applications asked about, with nobody in danger. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      胸口闷是什么原因要挂什么科
      老年痴呆的老人怎么申请防走失手环
      燃气报警器多少钱在哪买
      订多功能厅需要什么手续
      工伤认定申请要多久
      呼吸困难挂什么科
      中风的早期症状有哪些
      怎么预防孩子误服药物
      农药中毒怎么急救
      溺水急救知识
      老年痴呆有什么补贴
      多功能厅怎么预约
      申请进度在哪查
      骨折后多久能拆石膏
      高烧抽搐的原因是什么
      孩子高烧抽搐怎么预防
      一氧化碳中毒有哪些症状
      燃气报警器怎么安装
      防溺水安全知识
      万一孩子不见了怎么办
      万一老人走失了怎么办
      胸痛应该挂什么科
      失智老人有什么照护服务
      工地受伤怎么认定工伤
      老鼠药在哪里买
      84消毒液怎么稀释
      多功能厅可以预约吗
      心脏病可以办慢病卡吗
      孕妇羊水破了怎么判断
      请问社区可以上门服务吗
      麻烦问一下多功能厅怎么预约
      胸闷气短能办慢病卡吗
      被钢筋扎伤了工伤怎么认定
      从楼上摔下来的工伤赔偿标准
      我爸去年从梯子上摔下来骨折了，现在能申请残疾证吗
      想不开的人怎么开导
      吃了过期的药会怎么样
      申请上门服务需要什么条件
      社区能出面协调邻里纠纷吗
      请帮我说明一下低保的申请条件
      楼下超市好几天没开门
      孕妇羊水破了怎么判断
      割腕的伤口怎么处理才不留疤
      胸口悶是什麼原因要掛什麼科
      燃氣報警器多少錢在哪買
      """)
  void a_question_about_symptoms_poisons_alarms_or_bookings_stays_a_question(String text) {
    Intent intent = classifier.classify(text);
    assertThat(intent.kind()).isEqualTo(MessageKind.QUESTION);
    assertThat(intent.urgent()).isFalse();
  }
}
