package org.linli.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is masked before a text is logged, stored as a statistic, or posted to a group. */
class PersonalDataTest {

  @Test
  void phone_and_id_numbers_are_masked() {
    assertThat(PersonalData.mask("电话13812345678，身份证110101199003071234"))
        .isEqualTo("电话[手机号]，身份证[身份证号]");
  }

  @Test
  void a_text_for_a_group_also_loses_building_and_street_addresses() {
    assertThat(PersonalData.maskForGroup("师傅下午到3号楼2单元601，电话13812345678"))
        .isEqualTo("师傅下午到[地址]，电话[手机号]");
    assertThat(PersonalData.maskForGroup("幸福路12号的路灯已修好")).isEqualTo("[地址]的路灯已修好");
    assertThat(PersonalData.maskForGroup("请到5栋302室")).isEqualTo("请到[地址]");
  }

  @Test
  void the_fraction_of_a_logged_timestamp_is_not_taken_for_a_number_but_a_long_number_still_is() {
    assertThat(PersonalData.mask("closes 2026-12-03T06:43:43.123456789Z"))
        .isEqualTo("closes 2026-12-03T06:43:43.123456789Z");
    assertThat(PersonalData.mask("卡号6222021234567890")).isEqualTo("卡号[号码]");
    assertThat(PersonalData.mask("座机020-87654321")).isEqualTo("座机[号码]");
    assertThat(PersonalData.mask("编号：123456789")).isEqualTo("编号：[号码]");
  }

  @Test
  void a_text_without_personal_data_is_left_as_it_is() {
    assertThat(PersonalData.maskForGroup("已派单，请耐心等候")).isEqualTo("已派单，请耐心等候");
  }
}
