package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.ticket.TicketStatus.*;

import org.junit.jupiter.api.Test;

/** The lifecycle table, names and labels. */
class TicketStatusTest {

  @Test
  void the_main_path_runs_from_received_to_closed() {
    assertThat(allowed(RECEIVED, DISPATCHED)).isTrue();
    assertThat(allowed(DISPATCHED, IN_PROGRESS)).isTrue();
    assertThat(allowed(IN_PROGRESS, RESOLVED)).isTrue();
    assertThat(allowed(RESOLVED, CLOSED)).isTrue();
  }

  @Test
  void waiting_for_the_resident_comes_from_dispatched_or_in_progress_and_goes_back_to_in_progress() {
    assertThat(from(WAITING_RESIDENT)).containsExactlyInAnyOrder(DISPATCHED, IN_PROGRESS);
    assertThat(allowed(WAITING_RESIDENT, IN_PROGRESS)).isTrue();
    assertThat(allowed(WAITING_RESIDENT, RESOLVED)).isFalse();
  }

  @Test
  void rejecting_and_merging_come_from_every_open_status_and_need_a_reason() {
    assertThat(from(REJECTED)).containsExactlyInAnyOrder(RECEIVED, DISPATCHED, IN_PROGRESS, WAITING_RESIDENT);
    assertThat(from(MERGED)).isEqualTo(from(REJECTED));
    assertThat(REJECTED.needsReason()).isTrue();
    assertThat(MERGED.needsReason()).isTrue();
    assertThat(RESOLVED.needsReason()).isFalse();
  }

  @Test
  void only_a_resolved_ticket_reopens_and_closed_rejected_and_merged_are_final() {
    assertThat(allowed(RESOLVED, IN_PROGRESS)).isTrue();
    for (TicketStatus to : values()) {
      assertThat(allowed(CLOSED, to)).isFalse();
      assertThat(allowed(REJECTED, to)).isFalse();
      assertThat(allowed(MERGED, to)).isFalse();
    }
    assertThat(allowed(RECEIVED, RESOLVED)).isFalse();
    assertThat(allowed(RECEIVED, CLOSED)).isFalse();
  }

  @Test
  void api_names_are_lowercase_snake_and_labels_are_chinese() {
    assertThat(WAITING_RESIDENT.apiName()).isEqualTo("waiting_resident");
    assertThat(fromApiName("in_progress")).isEqualTo(IN_PROGRESS);
    assertThat(fromApiName("nonsense")).isNull();
    assertThat(RECEIVED.label()).isEqualTo("已受理");
    assertThat(DISPATCHED.label()).isEqualTo("已派单");
    assertThat(IN_PROGRESS.label()).isEqualTo("办理中");
    assertThat(RESOLVED.label()).isEqualTo("已办结");
    assertThat(CLOSED.label()).isEqualTo("已回访");
    assertThat(WAITING_RESIDENT.label()).isEqualTo("待居民补充");
  }
}
