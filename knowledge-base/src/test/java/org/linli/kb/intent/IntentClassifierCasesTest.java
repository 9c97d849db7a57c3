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
      """)
  void someone_in_danger_now_is_forwarded_as_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      电动车在楼道充电容易着火吗有什么规定
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
      垃圾分类投放时间             | statement
      """)
  void a_plain_question_is_answered_even_after_a_greeting(String text, String rule) {
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
      哈哈哈                       | small-talk
      今天天气真好                 | small-talk
      😂                           | small-talk
      ？？？                       | small-talk
      你是机器人吗                 | small-talk
      明天会下雨吗                 | small-talk
      。。。                       | small-talk
      """)
  void small_talk_is_named_by_what_it_says(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.CHITCHAT, false, rule));
  }
}
