package org.linli.bot.helpline;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.function.Function;
import org.linli.bot.text.Text;
import org.linli.bot.timer.LeasedTimers;
import org.linli.bot.timer.TimerDriven;
import org.linli.bot.timer.TimerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the window in which the bot waits for the answer to its intake question: a request the
 * resident neither answered nor submitted with "直接提交" is filed as it is when the window ends,
 * and the resident is told its receipt — a request for help is never left behind because a
 * question went unanswered. The windows are timers in {@link #KEY}, planned by {@link Intake#ask} (member = the resident's
 * identity, score = the window's end), shared by every instance; filing takes the pending request
 * from Redis atomically, so an answer arriving at the same moment files it once either way.
 */
public final class IntakeWindows implements TimerDriven {

  static final String KEY = "helpline:{intake-windows}";

  private static final Logger LOG = LoggerFactory.getLogger(IntakeWindows.class);
  private static final long LEASE_MILLIS = 60_000;

  private final Intake intake;
  private final Function<Intake.Pending, Future<HelpDesk.Filed>> fileAsIs;
  private final ResidentNotifier residents;
  private final Times times;
  private final TimerLoop<LeasedTimers.Claimed> loop;

  IntakeWindows(RedisAPI redis, Intake intake, Function<Intake.Pending, Future<HelpDesk.Filed>> fileAsIs,
      ResidentNotifier residents, Times times) {
    this.intake = intake;
    this.fileAsIs = fileAsIs;
    this.residents = residents;
    this.times = times;
    this.loop = new LeasedTimers(redis, KEY).loop("Intake windows", () -> times.now().toEpochMilli(), LEASE_MILLIS,
        this::run);
  }

  @Override
  public TimerLoop<?> loop() {
    return loop;
  }

  private Future<Void> run(LeasedTimers.Claimed job) {
    return intake.takeUnanswered(job.member()).compose(pending -> {
      if (pending == null) {
        return Future.succeededFuture(); // answered, submitted, or asked anew (that question has its own window)
      }
      return fileAsIs.apply(pending).compose(filed -> {
        if (filed.ticket() == null) {
          return Future.succeededFuture();
        }
        LOG.info("Intake: ticket {} filed as it was when its question went unanswered", filed.ticket().receipt());
        String told = Text.INTAKE_FILED_UNANSWERED.of(Intake.WINDOW.toMinutes()) + "\n" + filed.replies().get(0).text();
        return residents.tell("intake:" + filed.ticket().receipt(), filed.ticket(), told, List.of()).mapEmpty();
      });
    });
  }

}
