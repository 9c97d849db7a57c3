package org.linli.bot.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.bot.ticket.TicketStatus.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle table, names and labels. */
class TicketStatusTest {

  /** The steps the table allows: the main path from received to closed, and back to in progress. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "RECEIVED, DISPATCHED",
      "DISPATCHED, IN_PROGRESS",
      "IN_PROGRESS, RESOLVED",
      "RESOLVED, CLOSED",
      "WAITING_RESIDENT, IN_PROGRESS",
      "RESOLVED, IN_PROGRESS"})
  void the_main_path_runs_from_received_to_closed_and_back_to_in_progress(TicketStatus from, TicketStatus to) {
    assertThat(allowed(from, to)).isTrue();
  }

  /** Steps the table refuses: resolving while waiting for the resident, skipping to resolved or closed. */
  @ParameterizedTest(name = "{0} -/-> {1}")
  @CsvSource({
      "WAITING_RESIDENT, RESOLVED",
      "RECEIVED, RESOLVED",
      "RECEIVED, CLOSED"})
  void a_ticket_does_not_skip_a_step(TicketStatus from, TicketStatus to) {
    assertThat(allowed(from, to)).isFalse();
  }

  /** Closed, rejected and merged are final. */
  @ParameterizedTest
  @EnumSource(names = {"CLOSED", "REJECTED", "MERGED"})
  void closed_rejected_and_merged_are_final(TicketStatus status) {
    for (TicketStatus to : values()) {
      assertThat(allowed(status, to)).isFalse();
    }
  }

  @Test
  void waiting_for_the_resident_comes_from_dispatched_or_in_progress_and_goes_back_to_in_progress() {
    assertThat(from(WAITING_RESIDENT)).containsExactlyInAnyOrder(DISPATCHED, IN_PROGRESS);
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
  void api_names_are_lowercase_snake() {
    assertThat(WAITING_RESIDENT.apiName()).isEqualTo("waiting_resident");
    assertThat(fromApiName("in_progress")).isEqualTo(IN_PROGRESS);
    assertThat(fromApiName("nonsense")).isNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "RECEIVED, 已受理",
      "DISPATCHED, 已派单",
      "IN_PROGRESS, 办理中",
      "RESOLVED, 已办结",
      "CLOSED, 已回访",
      "WAITING_RESIDENT, 待居民补充"})
  void labels_are_chinese(TicketStatus status, String label) {
    assertThat(status.label()).isEqualTo(label);
  }
}
