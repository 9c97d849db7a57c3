package org.linli.bot.ticket;

import java.util.regex.Pattern;

/**
 * A first guess at what kind of help a message asks for, from its words and from the intent rule
 * that made it a help request ({@code emergency}, {@code repair}, {@code action}). The guess sets
 * the time limit; an operator corrects it with {@link TicketStore#setCategory}. Checked in order of
 * how soon someone must act: emergency, repair, elderly, social assistance, else consultation.
 */
public final class CategoryGuesser {

  public static final String EMERGENCY = "emergency";
  public static final String REPAIR = "repair";
  public static final String ELDERLY = "elderly";
  public static final String SOCIAL_ASSISTANCE = "social_assistance";
  public static final String CONSULTATION = "consultation";

  private static final Pattern EMERGENCY_WORDS = Pattern.compile(
      "电梯.{0,3}困|困人|被困|关在电梯|卡在电梯|着火|失火|起火|火灾|冒烟|烧起来|煤气味|燃气味|漏气|燃气泄漏|煤气泄漏"
          + "|走失|走丢|失联|晕倒|昏倒|昏迷|晕过去|昏过去|不省人事|摔倒|跌倒|倒在地上|救命|快来人|触电|出血|喘不上气|持刀|打架");
  private static final Pattern REPAIR_WORDS = Pattern.compile(
      "(灯|路灯|电梯|门禁|水管|下水道|管道|马桶|井盖|窗户|栏杆|楼梯|屋顶|天花板|电线|水龙头|排水|地漏|门锁|单元门|充电桩)"
          + ".{0,6}(坏|不亮|不灵|不通|堵|爆|破|裂|塌|掉|脱落|松|漏|渗|停|不动|失灵|故障)"
          + "|漏水|渗水|爆管|堵了|堵住|堵塞|停水|停电|没水了|没电了|电梯故障|门禁|维修|报修");
  private static final Pattern ELDERLY_WORDS = Pattern.compile(
      "老人|老年|独居|空巢|助餐|送餐|老伴|高龄|失能|失智|老年痴呆|养老|居家照护|护理|爷爷|奶奶|外公|外婆");
  private static final Pattern SOCIAL_WORDS = Pattern.compile(
      "低保|救助|困难|特困|临时救助|补助|补贴|残疾|残联|失业|生活费|医疗救助|廉租|公租房|帮扶|低收入");

  /** The category for a help request; {@code intentRule} may be null. */
  public String guess(String text, String intentRule) {
    String t = text == null ? "" : text;
    if (EMERGENCY.equals(intentRule) || EMERGENCY_WORDS.matcher(t).find()) {
      return EMERGENCY;
    }
    if (REPAIR.equals(intentRule) || REPAIR_WORDS.matcher(t).find()) {
      return REPAIR;
    }
    if (ELDERLY_WORDS.matcher(t).find()) {
      return ELDERLY;
    }
    if (SOCIAL_WORDS.matcher(t).find()) {
      return SOCIAL_ASSISTANCE;
    }
    return CONSULTATION;
  }
}
