package org.linli.bot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linli.bot.community.LocalFacts;
import org.linli.bot.text.Text;
import org.linli.bot.text.TraditionalScript;
import org.linli.bot.text.Words;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;
import org.linli.kb.QuestionFocus;
import org.linli.kb.QuestionFocus.Aspect;
import org.linli.webhooks.WellFormedText;

/**
 * Lays out one guide as a card that fits a chat bubble: at most {@link #LIMIT} code points, the
 * title, the part the resident asked about, then what fits of the summary, the other key points,
 * the office and the source, and always the link to the full page last. Text is only ever cut where
 * a sentence or a list item ends, never inside a phrase.
 */
final class GuideCard {

  /** The most code points a card may have, link included. */
  static final int LIMIT = 300;

  private static final int OTHER_ITEMS = 2;
  private static final Pattern SENTENCE_END = Words.CARD_SENTENCE_END.pattern();
  private static final Pattern CLAUSE_END = Words.CARD_CLAUSE_END.pattern();
  private static final Pattern PLACE_HEADING = Words.CARD_PLACE_HEADING.pattern();
  private static final Pattern ITEM_END = Words.CARD_ITEM_END.pattern();
  private static final Pattern LOCAL_OFFICE = Words.CARD_LOCAL_OFFICE.pattern();
  /** The longest line of local facts; the rest of the card keeps at least half the bubble. */
  private static final int LOCAL_LONGEST = 90;
  private static final List<Aspect> KEY_POINTS = List.of(Aspect.MATERIALS, Aspect.STEPS, Aspect.TIME_LIMIT);

  private GuideCard() {
  }

  /**
   * The card; {@code asked} is the part the question asked about (null when it asked none) and
   * {@code link} the guide page's address.
   */
  static String render(Entry entry, Aspect asked, String link) {
    return render(entry, asked, link, false);
  }

  /**
   * The card in the script asked for: with {@code traditional}, the card's words from the
   * Traditional bundle and the guide's own words converted by {@link TraditionalScript}.
   */
  static String render(Entry entry, Aspect asked, String link, boolean traditional) {
    return render(entry, asked, link, traditional, LocalFacts.NONE);
  }

  /**
   * The card with the facts of the community it is shown in: when the guide is handled at the
   * community's own office (its {@code office} names the neighbourhood committee, the community
   * service station…), a line before the link says where that office is, its phone and hours.
   */
  static String render(Entry entry, Aspect asked, String link, boolean traditional, LocalFacts facts) {
    UnaryOperator<String> g = traditional ? TraditionalScript::of : UnaryOperator.identity();
    GuideBody body = entry.guide();
    String local = localLine(entry, facts, traditional);
    String tail = (local.isEmpty() ? "" : local + "\n") + Text.CARD_FULL_TEXT.in(traditional, link);
    List<String> lines = new ArrayList<>();
    lines.add("📋 " + g.apply(entry.title()));
    // Room left for everything between the title and the link (one newline before each line).
    int[] room = {LIMIT - WellFormedText.length(lines.get(0)) - 1 - WellFormedText.length(tail)};

    boolean officeShown = false;
    if (asked != null) {
      Optional<GuideBody.Section> section = QuestionFocus.section(body, asked);
      if (section.isPresent()) {
        // For "where": the section's own words (address, hours, phone) say more than the office's name.
        List<String> items = section.get().items().stream().map(g).toList();
        add(lines, room, items(g.apply(asked.label()), items, room[0] - 1, items.size(), true));
        officeShown = asked == Aspect.PLACE && PLACE_HEADING.matcher(section.get().heading()).matches();
      } else if (asked == Aspect.PLACE && !entry.office().isBlank()) {
        add(lines, room, fitting(Text.CARD_OFFICE.in(traditional, g.apply(entry.office())), room[0] - 1));
        officeShown = true;
      }
    }
    if (!body.summary().isBlank()) {
      add(lines, room, sentences(flat(g.apply(body.summary())), room[0] - 1));
    }
    for (Aspect a : KEY_POINTS) {
      if (a != asked) {
        QuestionFocus.section(body, a)
            .ifPresent(s -> add(lines, room, items(g.apply(a.label()), s.items().stream().map(g).toList(), room[0] - 1,
                OTHER_ITEMS, false)));
      }
    }
    if (!officeShown) {
      if (!entry.office().isBlank()) {
        add(lines, room, fitting(Text.CARD_OFFICE.in(traditional, g.apply(entry.office())), room[0] - 1));
      } else {
        QuestionFocus.section(body, Aspect.PLACE)
            .ifPresent(s -> add(lines, room,
                items(g.apply(Aspect.PLACE.label()), s.items().stream().map(g).toList(), room[0] - 1, 1,
                    false)));
      }
    }
    if (!entry.source().isBlank() || !entry.updated().isBlank()) {
      String source = Text.CARD_SOURCE.in(traditional, entry.source().isBlank() ? "—" : g.apply(entry.source()))
          + (entry.updated().isBlank() ? "" : Text.CARD_UPDATED.in(traditional, entry.updated()));
      add(lines, room, fitting(source, room[0] - 1));
    }
    lines.add(tail);
    return String.join("\n", lines);
  }

  /** The line with the community office's facts, or empty when the guide is not handled there. */
  static String localLine(Entry entry, LocalFacts facts, boolean traditional) {
    if (facts == null || facts.isEmpty() || !LOCAL_OFFICE.matcher(entry.office()).find()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String fact : List.of(facts.address(), facts.phone(), facts.hours())) {
      if (!fact.isEmpty()) {
        parts.add(traditional ? TraditionalScript.of(fact) : fact);
      }
    }
    String line = Text.CARD_LOCAL_OFFICE.in(traditional, String.join(Text.CARD_LOCAL_SEPARATOR.of(), parts));
    // The facts are the office's own; a line too long for a bubble keeps the address only.
    return WellFormedText.length(line) <= LOCAL_LONGEST
        ? line
        : Text.CARD_LOCAL_OFFICE.in(traditional, traditional ? TraditionalScript.of(parts.get(0)) : parts.get(0));
  }

  private static void add(List<String> lines, int[] room, String line) {
    if (line != null && !line.isEmpty()) {
      lines.add(line);
      room[0] -= WellFormedText.length(line) + 1;
    }
  }

  private static String fitting(String line, int room) {
    return WellFormedText.length(line) <= room ? line : null;
  }

  /**
   * {@code 【label】item；item 等} (or, for the part asked, one {@code · item} a line): whole items
   * while they fit, at most {@code max}; when not even the first fits and it is the part asked,
   * the first up to the last sentence (or clause) end that fits.
   */
  private static String items(String label, List<String> raw, int room, int max, boolean asked) {
    List<String> items = raw.stream().map(GuideCard::clean).filter(s -> !s.isEmpty()).toList();
    if (items.isEmpty()) {
      return null;
    }
    String prefix = Text.CARD_LABEL.of(label);
    boolean lines = asked && items.size() > 1;
    StringBuilder out = new StringBuilder(prefix);
    int shown = 0;
    for (String item : items) {
      if (shown == max) {
        break;
      }
      String next = (lines ? "\n· " : shown == 0 ? "" : Text.CARD_ITEM_SEPARATOR.of()) + item;
      boolean last = shown + 1 == items.size();
      int needed = WellFormedText.length(out.toString()) + WellFormedText.length(next) + (last ? 0 : 2);
      if (needed > room) {
        break;
      }
      out.append(next);
      shown++;
    }
    if (shown == 0) {
      if (!asked) {
        return null;
      }
      String start = prefix + (lines ? "\n· " : "");
      String cut = cut(items.get(0), room - WellFormedText.length(start) - 1);
      return cut == null ? null : start + cut + "…";
    }
    if (shown < items.size()) {
      out.append(Text.CARD_MORE.of());
    }
    return out.toString();
  }

  /** The text up to the last sentence end that fits, or null. */
  private static String sentences(String text, int room) {
    if (WellFormedText.length(text) <= room) {
      return text;
    }
    int end = lastEnd(SENTENCE_END, text, room);
    return end < 0 ? null : text.substring(0, end + 1);
  }

  /** A long item cut at its last sentence end (or else clause end) that fits, the mark dropped. */
  private static String cut(String text, int room) {
    int end = lastEnd(SENTENCE_END, text, room + 1);
    if (end < 0) {
      end = lastEnd(CLAUSE_END, text, room + 1);
    }
    return end <= 0 ? null : text.substring(0, end);
  }

  /** The index of the last mark whose text up to and including it is at most {@code room} code points. */
  private static int lastEnd(Pattern mark, String text, int room) {
    int found = -1;
    Matcher m = mark.matcher(text);
    while (m.find()) {
      if (WellFormedText.length(text.substring(0, m.end())) > room) {
        break;
      }
      found = m.start();
    }
    return found;
  }

  private static String clean(String item) {
    return ITEM_END.matcher(flat(item.replace("**", ""))).replaceAll("");
  }

  private static String flat(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
