package org.linli.bot.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceFinderTest {

  private final PlaceFinder places = new PlaceFinder();

  @Test
  void a_building_unit_and_room_is_a_place_in_every_usual_spelling() {
    assertThat(places.find("7号楼1单元302，已经漏到楼下了")).contains("7号楼1单元302");
    assertThat(places.find("3栋2单元楼道灯坏了")).contains("3栋2单元");
    assertThat(places.find("我家5-1-101水管爆了")).contains("5-1-101");
    assertThat(places.find("三号楼电梯停了")).contains("三号楼");
    assertThat(places.find("2单元301漏水")).contains("2单元301");
    assertThat(places.find("幸福路12号门口井盖没了")).contains("幸福路12号");
  }

  @Test
  void a_named_place_of_the_community_is_a_place() {
    assertThat(places.find("东门的路灯不亮")).contains("东门");
    assertThat(places.find("地下车库积水了")).contains("地下车库");
    assertThat(places.find("小区花园里有人摔倒了")).contains("小区花园");
  }

  @Test
  void traditional_text_names_its_place_too() {
    assertThat(places.find("7號樓1單元302漏水")).contains("7号楼1单元302");
  }

  @Test
  void a_request_without_a_place_has_none_and_numbers_that_are_no_address_are_not_taken_for_one() {
    assertThat(places.find("我家水管爆了")).isEmpty();
    assertThat(places.find("电梯困人了")).isEmpty();
    assertThat(places.find("楼道灯坏了，电话13812345678")).isEmpty();
    assertThat(places.find("2026-11-25停水了")).isEmpty();
    assertThat(places.find("")).isEmpty();
  }
}
