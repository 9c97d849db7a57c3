package org.linli.kb.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Information questions with alarming words, framed as a worry, a hazard, a category, a habit, an
 * aftermath, a cause or a discovery in general, are questions; the same words said about someone in
 * danger now stay urgent. Written for these rules, none taken from an evaluation set.
 */
class IntentClassifierFramingTest {

  private final IntentClassifier classifier = new IntentClassifier();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      怕独居的老妈在家摔倒了没人知道，社区能装呼叫器吗
      担心电动车在家充电起火，小区有没有集中充电的地方
      以防老人走失，社区有没有防走失手环发
      为了防止家里燃气泄漏，能不能装自动切断阀
      怕娃儿在屋头触电，插座保护盖社区有得发不
      擔心老人在浴室跌倒了沒人發現，可以申請適老化改造嗎
      担心我妈一个人在家会晕倒，社区有没有定期上门探访
      担心楼上阳台的花盆掉下来砸到人，物业能不能管
      """)
  void a_worry_or_prevention_before_the_danger_asks_about_a_service_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      楼道堆了杂物是火灾隐患吧，该找谁清理
      健身器材松了很危险在哪报修
      楼梯扶手松了很危险，在哪里报修
      小区高压线垂得很低有安全隐患，归哪个部门管
      楼顶的广告牌有点歪，怕砸到人，该向谁反映
      小区里的枯树有隐患，怕倒下来砸到人，归哪个部门管
      樓道裡堆滿紙箱有火災隱患，找誰處理
      """)
  void a_hazard_with_where_to_report_or_who_handles_it_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      像电梯困人、燃气泄漏这种情况求助中心怎么处理
      遇到有人在小区晕倒的时候，社区有没有急救培训
      发生火灾时社区有什么应急预案
      像老人走失这类紧急情况，社区能提供哪些帮助
      碰到娃儿遭狗咬的时候，先去哪个医院打针嘛
      類似電梯困人這樣的情況，物業多久要到場
      """)
  void an_emergency_named_as_a_category_in_general_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      一下雨顶楼就渗水，维修资金能不能用
      每次暴雨车库都进水，预警时车该怎么办
      顶楼每次下雨都漏雨，屋面维修能不能申请专项资金
      一刮台风窗户就渗水，旧改项目包不包括
      一落雨屋头就漏水，老旧小区改造管不管嘛
      屋頂每逢下雨就漏水，維修費用由誰出
      电梯一到晚上就停了又好了，一般是什么原因
      """)
  void a_recurring_leak_or_flood_asked_about_funds_or_cover_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      昨晚被家暴已经报警了，告诫书能当申请保护令的证据吗
      老人在家走了，医生说救不回来，死亡证明找谁开
      我爸早上突发心梗，打了120也没救回来，后事手续怎么办
      已经报警了，被狗咬的验伤报告找谁开
      昨晚遭屋头那个打了，报了警，接下来要办啥子手续
      已經報警了，派出所給了告誡書，接下來怎麼辦
      """)
  void a_danger_already_reported_or_over_asked_about_procedure_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      燃气报警器半夜响了一下又停了，一般是什么原因
      我家燃气报警器时不时响一下，是怎么回事
      老人半夜胸口痛了一下又好了，一般是什么原因
      屋头的燃气报警器响了几声就不响了，是咋回事
      燃氣報警器響了一下又停了，一般是什麼原因
      """)
  void a_cause_question_about_an_alarm_or_symptom_that_stopped_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      发现有孩子被虐待，除了报警还能找社区哪个人
      如果发现邻居家暴，应该联系谁
      如果发现独居老人晕倒了，社区求助电话多少
      一旦发现楼道电动车起火，除了打119还能找谁
      要是看到有娃儿遭打，除了报警还可以找哪个
      發現有老人被虐待，除了報警還能找誰
      """)
  void a_discovery_in_general_asking_for_a_contact_is_a_question(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.QUESTION, false, "question"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      我妈摔倒了起不来，怕她骨折了
      我好担心，我妈晕倒了叫不醒
      担心死了，我妈晕倒了叫不醒
      我担心我爸煤气中毒了，他一直不开门怎么办
      怕是煤气泄漏了，屋里好大味道，能不能派人来
      楼道里冒烟了很危险，找谁
      电梯困人了，这种情况怎么办
      我被困在电梯里了，这种情况怎么办
      每次暴雨车库都进水，今天又淹了，有人被困在车里
      已经报警了警察还没来，他还在砸门
      已经报警了，有人还在撬门
      已经报警了，老人还没找到，接下来怎么办
      刚才报了警，他又在砸门了
      打了120了，我爸还没醒
      燃气报警器一直在响，一般是什么原因
      燃气报警器响了，满屋子味，是什么原因
      燃气报警器响了，是怎么回事
      我家燃气报警器响了停了又响，一股煤气味
      电梯突然停了又好了，里面有人出不来，是怎么回事
      电梯突然停了，是怎么回事，我在里面
      发现邻居倒在楼道里，一动不动
      除了报警还能怎么办，他还在砸门
      已經報警了，他還在砸門
      """)
  void the_same_words_about_someone_in_danger_now_stay_urgent(String text) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, true, "emergency"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      楼梯扶手松了很危险，快来修 | repair
      一下雨顶楼就渗水，快派人来修 | repair
      我家卫生间漏水了 | repair
      """)
  void asking_someone_to_come_and_fix_it_stays_a_request(String text, String rule) {
    assertThat(classifier.classify(text)).isEqualTo(new Intent(MessageKind.HELP_REQUEST, false, rule));
  }
}
