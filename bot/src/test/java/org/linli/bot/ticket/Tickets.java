package org.linli.bot.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.linli.bot.redis.RealRedis;

/** Test helpers: a store over a real Redis, and requests for help from distinct residents. */
final class Tickets {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final String LIMITS = "emergency=2,repair=48,elderly=24,social_assistance=120,consultation=72,default=72";
  private static final AtomicInteger residents = new AtomicInteger();

  private Tickets() {
  }

  static TicketStore store(RealRedis redis, int perHour) {
    return new TicketStore(redis.api, TimeLimits.parse(LIMITS), perHour, SHANGHAI);
  }

  static NewTicket request(String category, String resident, Instant at) {
    return new NewTicket(category, false, "3号楼2单元楼道灯坏了，晚上很黑，电话13812345678",
        new TicketSource("wecom", "chat-7", "group", "m-" + at.toEpochMilli(), resident), "幸福里社区", "第3网格", at);
  }

  /** A request from a resident nobody else uses, so the hourly limit never gets in the way. */
  static NewTicket request(String category, Instant at) {
    return request(category, "wecom:u" + residents.incrementAndGet(), at);
  }
}
