package org.linli.bot.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the register from CSV as the community office exports it. */
class HouseholdCsvTest {

  private static final String HEADER = "household,building,unit,room,area,owners\n";

  private static HouseholdCsv.Invalid refusal(String csv) {
    try {
      HouseholdCsv.parse(csv);
    } catch (HouseholdCsv.Invalid e) {
      return e;
    }
    throw new AssertionError("the file was accepted");
  }

  @Test
  void a_spreadsheet_export_with_bom_crlf_quotes_and_chinese_headers_is_read() {
    String csv = "\uFEFF户号,楼栋,单元,房号,建筑面积(㎡),业主人数,业主姓名,联系电话,备注\r\n"
        + "3-2-601,3,2,601,89.5,2,\"张三丰, 李四\",\"13812345678/021-6438 1234\",\"朝南, 有电梯\"\r\n"
        + "\r\n"
        + ",,,,,,,,\r\n"
        + "A_12,A座,,1201,120,1,王五,,\r\n";

    HouseholdCsv.Parsed parsed = HouseholdCsv.parse(csv);

    assertThat(parsed.ignoredColumns()).containsExactly("备注");
    assertThat(parsed.households()).containsExactly(
        new Household("3-2-601", "3", "2", "601", 89_50, 2, "张**、李*", "138****5678、021****1234"),
        new Household("A_12", "A座", "", "1201", 120_00, 1, "王*", ""));
    assertThat(parsed.households().get(0).label()).isEqualTo("3号楼2单元601");
    assertThat(parsed.households().get(1).label()).isEqualTo("A座1201");
  }

  @Test
  void columns_may_come_in_any_order_and_case_and_units_may_follow_the_area() {
    String csv = "Owners,ROOM,Area,Building,Household,Phones\n1,101,75.25 m²,1,1-1-101,138 0000 1111\n";

    Household h = HouseholdCsv.parse(csv).households().get(0);

    assertThat(h.areaHundredths()).isEqualTo(75_25);
    assertThat(h.unit()).isEmpty();
    assertThat(h.maskedPhones()).isEqualTo("138****1111");
    assertThat(h.label()).isEqualTo("1号楼101");
  }

  @Test
  void a_quoted_field_may_hold_a_line_break_and_later_line_numbers_still_match_the_file() {
    String csv = HEADER + "1-1-101,1,1,101,50,1\n\"1-1-102\",1,1,\"10\n2\",50,1\n1-1-103,1,1,103,5o,1\n";

    assertThat(refusal(csv).getMessage())
        .isEqualTo("line 5: area \"5o\" is not a number of square metres (e.g. 89.5)");
  }

  @Test
  void a_bad_area_names_its_line_and_column() {
    String csv = HEADER + "1-1-101,1,1,101,50,1\n\n1-1-102,1,1,102,50,1\n"
        + "1-1-103,1,1,103,60,1\n1-1-104,1,1,104,70,1\n1-1-105,1,1,105,12o.5,1\n";

    HouseholdCsv.Invalid e = refusal(csv);

    assertThat(e.line()).isEqualTo(7);
    assertThat(e.getMessage()).isEqualTo("line 7: area \"12o.5\" is not a number of square metres (e.g. 89.5)");
  }

  @Test
  void each_kind_of_bad_value_is_named_with_its_line() {
    assertThat(refusal(HEADER + "1-1-101,1,1,101,0,1\n").getMessage())
        .isEqualTo("line 2: area \"0\" must be more than 0 and less than 10000 square metres");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,10000,1\n").getMessage()).startsWith("line 2: area \"10000\" must be");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80.125,1\n").getMessage())
        .isEqualTo("line 2: area \"80.125\" has more than 2 decimals");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80,0\n").getMessage())
        .isEqualTo("line 2: owners \"0\" must be a whole number of at least 1");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80,two\n").getMessage()).contains("owners \"two\"");
    assertThat(refusal(HEADER + "3/2/601,1,1,101,80,1\n").getMessage())
        .isEqualTo("line 2: household \"3/2/601\" must be 1 to 32 letters, digits, - or _ (e.g. 3-2-601)");
    assertThat(refusal(HEADER + ",1,1,101,80,1\n").getMessage()).isEqualTo("line 2: household is empty");
    assertThat(refusal(HEADER + "1-1-101,,1,101,80,1\n").getMessage()).isEqualTo("line 2: building is empty");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80\n").getMessage())
        .isEqualTo("line 2: expected 6 fields as in the header, found 5");
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80,1,extra\n").getMessage())
        .startsWith("line 2: found 7 fields, but the header has 6");
    assertThat(refusal(HEADER + "1-1-101,1,1,\"101,80,1\n").getMessage())
        .isEqualTo("line 2: a quoted field is never closed (a \" is missing)");
  }

  @Test
  void text_after_a_closing_quote_is_refused_and_spaces_around_a_quoted_field_are_not() {
    assertThat(refusal(HEADER + "1-1-101,1,1,101,80,1\n1-1-102,1,1,\"102\"b,80,1\n").getMessage())
        .isEqualTo("line 3: text follows a closing quote; write \"\" for a quote inside a quoted field");

    Household h = HouseholdCsv.parse(HEADER + "1-1-101, \"1\" ,1,\"10\"\"1\",80,1\r").households().get(0);

    assertThat(h.building()).isEqualTo("1");
    assertThat(h.room()).isEqualTo("10\"1");
  }

  @Test
  void a_wrong_phone_number_is_named_without_repeating_it() {
    String csv = "household,building,unit,room,area,owners,phones\n1-1-101,1,1,101,80,1,13812345678;1381234\n"
        + "1-1-102,1,1,102,80,1,1381234567890123\n";

    HouseholdCsv.Invalid e = refusal(csv);

    assertThat(e.getMessage()).isEqualTo("line 3: phones: number 1 is not a phone number (7 to 15 digits)");
    assertThat(e.getMessage()).doesNotContain("1381234567890123");
  }

  @Test
  void a_household_listed_twice_names_both_lines() {
    String csv = HEADER + "1-1-101,1,1,101,80,1\n1-1-102,1,1,102,80,1\n1-1-101,1,1,101,81,1\n";

    assertThat(refusal(csv).getMessage()).isEqualTo("line 4: household \"1-1-101\" is already on line 2");
  }

  @Test
  void every_problem_of_a_file_is_reported_at_once_up_to_ten() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 12; i++) {
      csv.append("1-1-").append(i).append(",1,1,").append(i).append(",x,1\n");
    }

    HouseholdCsv.Invalid e = refusal(csv.toString());

    assertThat(e.line()).isEqualTo(2);
    assertThat(e.problems()).hasSize(11);
    assertThat(e.problems().get(9)).startsWith("line 11: area \"x\"");
    assertThat(e.problems().get(10)).isEqualTo("and 2 more lines with problems");
  }

  @Test
  void a_header_without_a_required_column_or_with_a_column_twice_is_refused() {
    assertThat(refusal("household,building,unit,room,owners\n1-1-101,1,1,101,1\n").getMessage())
        .isEqualTo("line 1: the header has no column area; the first line must be a header such as "
            + HouseholdCsv.EXAMPLE_HEADER);
    assertThat(refusal("1-1-101,1,1,101,80,1\n").getMessage()).startsWith("line 1: the header has no column household");
    assertThat(refusal("household,building,unit,room,area,面积,owners\n").getMessage())
        .isEqualTo("line 1: column area appears twice (columns 5 and 6)");
    assertThat(refusal("\n\n").getMessage()).startsWith("the file is empty");
    assertThat(refusal(HEADER).getMessage()).isEqualTo("the file has a header but no households");
  }

  @Test
  void a_file_saved_as_gbk_is_read_like_utf_8() {
    String csv = "户号,楼栋,单元,房号,面积,业主人数\n5-1-302,5,1,302,66.6,1\n";

    String utf8 = HouseholdCsv.decode(csv.getBytes(StandardCharsets.UTF_8));
    String gbk = HouseholdCsv.decode(csv.getBytes(Charset.forName("GBK")));

    assertThat(gbk).isEqualTo(utf8).isEqualTo(csv);
    assertThat(HouseholdCsv.parse(gbk).households()).extracting(Household::id).isEqualTo(List.of("5-1-302"));
  }

  @Test
  void names_and_phones_are_masked_as_they_are_read() {
    assertThat(Masking.names("欧阳娜娜 李四、Tom")).isEqualTo("欧***、李*、T**");
    assertThat(Masking.names("张")).isEqualTo("张*");
    assertThat(Masking.phones("+86 138-1234-5678")).isEqualTo("138****5678");
    assertThat(Masking.phones("(021) 64381234；87654321")).isEqualTo("021****1234、****4321");
    assertThatThrownBy(() -> Masking.phones("13812345678,call me")).isInstanceOf(Masking.NotAPhoneNumber.class)
        .hasMessage("number 2 is not a phone number (7 to 15 digits)");
  }
}
