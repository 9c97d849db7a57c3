package org.linli.bot.answer;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.text.Text;
import org.linli.bot.text.Words;
import org.linli.kb.ChineseScript;
import org.linli.kb.Entry;
import org.linli.webhooks.ChatEvent;

/**
 * The {@code /guides} list: guides grouped by their {@code category:} in a fixed order, numbered
 * 1, 2, 3 … across the groups so a resident can answer with a number. The ids behind the numbers are
 * kept in Redis per chat for a while, so a number still means the guide it meant when the list was
 * shown, even if the guides are reloaded in between.
 */
public final class GuideDirectory {

  /** The categories in the order the list shows them; guides without one come last under 其他. */
  public static final List<String> CATEGORIES = Words.GUIDE_CATEGORIES.list();
  /** The group of guides without a category. */
  public static final String OTHER = Words.GUIDE_CATEGORY_OTHER.text();
  /** How the list starts (a reply quoting it is a choice from it). */
  public static final String HEADING = Text.DIRECTORY_HEADING.of();

  private static final String KEY = "kb:{guides}:shown:";
  private static final long TTL_SECONDS = 1_800;
  private static final Pattern NUMBER = Words.GUIDE_NUMBER.pattern();

  private final RedisAPI redis;

  public GuideDirectory(RedisAPI redis) {
    this.redis = redis;
  }

  /** The list as shown, and the guide ids in the order of their numbers. */
  public record Listing(String text, List<String> ids) {
  }

  /** Groups and numbers the guides. */
  public static Listing of(Collection<Entry> entries) {
    Map<String, List<Entry>> groups = new LinkedHashMap<>();
    CATEGORIES.forEach(c -> groups.put(c, new ArrayList<>()));
    // In pinyin order, as residents look for a title.
    List<Entry> sorted = entries.stream()
        .sorted(Comparator.comparing(Entry::title, Collator.getInstance(Locale.CHINA))).toList();
    for (Entry e : sorted) {
      String category = e.category().isBlank() ? OTHER : e.category();
      groups.computeIfAbsent(category, c -> new ArrayList<>()).add(e);
    }
    // An office's own categories follow the standard ones; "其他" is always last.
    List<Entry> other = groups.remove(OTHER);
    if (other != null) {
      groups.put(OTHER, other);
    }
    StringBuilder out = new StringBuilder(HEADING).append(Text.DIRECTORY_HINT.of());
    List<String> ids = new ArrayList<>();
    groups.forEach((category, list) -> {
      if (list.isEmpty()) {
        return;
      }
      out.append('\n').append(Text.CARD_LABEL.of(category));
      for (Entry e : list) {
        ids.add(e.id());
        out.append('\n').append(ids.size()).append(". ").append(e.title());
      }
    });
    return new Listing(out.toString(), List.copyOf(ids));
  }

  /** Shows the list in a chat and remembers what its numbers stand for there. */
  public Future<Listing> show(ChatEvent event, Collection<Entry> entries) {
    Listing listing = of(entries);
    return redis.set(List.of(key(event), String.join(",", listing.ids()), "EX", String.valueOf(TTL_SECONDS)))
        .map(r -> listing);
  }

  /**
   * The guide id a message picks from the list shown in this chat, or null: the message is only a
   * number, and the chat is private, the bot was addressed or the message quotes the list.
   */
  public Future<String> chosen(ChatEvent event) {
    Matcher m = NUMBER.matcher(ChineseScript.fold(event.text()).strip());
    boolean toTheBot = event.chat().type() == ChatEvent.ChatType.PRIVATE || event.mentioned()
        || ChineseScript.fold(event.quoted()).startsWith(HEADING);
    if (!m.matches() || !toTheBot) {
      return Future.succeededFuture(null);
    }
    int number = Integer.parseInt(m.group(1));
    return redis.get(key(event)).map((Response r) -> {
      if (r == null) {
        return null;
      }
      String[] ids = r.toString().split(",");
      return number >= 1 && number <= ids.length ? ids[number - 1] : null;
    });
  }

  private static String key(ChatEvent event) {
    return KEY + event.chatRef().key();
  }
}
