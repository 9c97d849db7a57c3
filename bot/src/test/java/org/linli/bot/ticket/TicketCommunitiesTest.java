package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.redis.RealRedis.await;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.linli.bot.community.Community;
import org.linli.bot.metrics.ServiceGauges.TimeLimitState;
import org.linli.bot.redis.RedisPerClass;

/**
 * The tickets of one community against a real (embedded) Redis: each community's lists, figures
 * and open tickets hold its own tickets; a ticket naming no community of today (a chat id, as
 * stored before there were communities) is the default community's.
 */
class TicketCommunitiesTest {

  @RegisterExtension
  static final RedisPerClass redis = new RedisPerClass();
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");
  static final Set<String> KNOWN = Set.of("xinghe", "block-3", "north", "south");
  static TicketStore store;

  @BeforeAll
  static void start() {
    store = new TicketStore(redis.get().api, TimeLimits.parse(Tickets.LIMITS), 5, Tickets.SHANGHAI,
        KNOWN::contains);
  }

  private static Ticket open(String community, Instant at) {
    NewTicket r = Tickets.request("repair", at);
    return await(store.open(new NewTicket(r.category(), false, r.text(), r.source(), community, "", at)));
  }

  private static List<String> receipts(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::receipt).toList();
  }

  @Test
  void each_community_lists_its_own_tickets_and_an_unknown_community_is_the_default_s() {
    Ticket xinghe = open("xinghe", T0);
    Ticket block = open("block-3", T0.plusSeconds(1));
    Ticket legacy = open("chat-7", T0.plusSeconds(2));
    Ticket fresh = open(Community.DEFAULT, T0.plusSeconds(3));

    assertThat(store.communityOf(xinghe)).isEqualTo("xinghe");
    assertThat(store.communityOf(legacy)).isEqualTo(Community.DEFAULT);
    assertThat(receipts(await(store.list("xinghe", null, T0, 100)))).containsExactly(xinghe.receipt());
    assertThat(receipts(await(store.list("block-3", TicketStatus.RECEIVED, T0, 100))))
        .containsExactly(block.receipt());
    // The other test's default ticket (of December) may come after these.
    assertThat(receipts(await(store.list(Community.DEFAULT, null, T0, 100))))
        .startsWith(legacy.receipt(), fresh.receipt()).doesNotContain(xinghe.receipt(), block.receipt());
    assertThat(receipts(await(store.list(Community.DEFAULT, null, T0, 1)))).containsExactly(legacy.receipt());
    assertThat(receipts(await(store.list(null, null, T0, 100))))
        .contains(xinghe.receipt(), block.receipt(), legacy.receipt(), fresh.receipt());

    assertThat(await(store.transition(xinghe.receipt(), TicketStatus.DISPATCHED, "hub", "", T0.plusSeconds(9)))
        .applied()).isTrue();
    assertThat(await(store.list("xinghe", TicketStatus.RECEIVED, T0, 100))).isEmpty();
    assertThat(receipts(await(store.list("xinghe", TicketStatus.DISPATCHED, T0, 100))))
        .containsExactly(xinghe.receipt());
  }

  @Test
  void a_community_s_figures_and_open_tickets_count_its_own_tickets_only() {
    Instant december = Instant.parse("2026-12-03T02:00:00Z");
    open("north", december);
    open("north", december.plusSeconds(1));
    open("south", december.plusSeconds(2));
    open("chat-9", december.plusSeconds(3));

    YearMonth month = YearMonth.of(2026, 12);
    TicketStats stats = new TicketStats(store);
    assertThat(await(stats.month("north", month, Tickets.SHANGHAI)).opened()).isEqualTo(2);
    assertThat(await(stats.month("south", month, Tickets.SHANGHAI)).opened()).isEqualTo(1);
    assertThat(await(stats.month(Community.DEFAULT, month, Tickets.SHANGHAI)).opened()).isEqualTo(1);
    assertThat(await(stats.month(month, Tickets.SHANGHAI)).opened()).isEqualTo(4);
    assertThat(await(new PublicStats(store).month("north", month, Tickets.SHANGHAI)).figures().opened())
        .isEqualTo(2);

    long open = await(new OpenTickets(store).byTimeLimit("north", december.plusSeconds(60))).values().stream()
        .mapToLong(Long::longValue).sum();
    assertThat(open).isEqualTo(2);
    assertThat(await(new OpenTickets(store).byTimeLimit("north", december.plusSeconds(60))))
        .containsOnlyKeys(TimeLimitState.WITHIN);
  }
}
