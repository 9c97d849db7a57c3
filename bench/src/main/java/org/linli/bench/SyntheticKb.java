package org.linli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.linli.kb.Entry;
import org.linli.kb.GuideBody;

/**
 * A large, realistic knowledge base made by recombining the shipped guides, so search can be
 * measured at 100x the shipped size with real Chinese text (real words, n-grams and pinyin).
 *
 * <p>The result holds the shipped guides unchanged (so the evaluation questions still have their
 * true answers) followed by variants: guide {@code i} derives from shipped guide {@code i mod n},
 * with the title localised by a city/district and an edition suffix, two of its questions
 * re-worded by simple templates, and one section: a paragraph of its list items, shuffled. Everything is
 * seeded, so the same inputs always give the same files.
 *
 * <p>The variants are deliberately SHORT (title, two questions, one section of about 150
 * characters, no summary): each becomes 4 passage vectors, so embedding 5,000 of them for the
 * hybrid index takes a couple of minutes on 2 cores instead of ten or more with full-size guides.
 */
public final class SyntheticKb {

  /** The seed used by the benchmarks. */
  public static final long SEED = 20_250_312L;

  /** Target length of a variant's single section, in characters. */
  static final int SECTION_CHARS = 150;

  private static final String[] CITIES = {
      "杭州", "成都", "武汉", "南京", "苏州", "合肥", "长沙", "郑州", "西安", "重庆", "青岛", "厦门"
  };
  private static final String[] DISTRICTS = {
      "东城", "西城", "城南", "城北", "河西", "滨江", "高新", "老城", "新区", "湖滨"
  };
  private static final String[] EDITIONS = {"", "·试行", "·2025版", "·补充说明", "·简版", "·问答版"};
  private static final String[] TEMPLATES = {
      "在%2$s，%1$s", "%2$s这边%1$s", "请问%1$s", "%1$s？%2$s也一样吗", "想问一下，%1$s", "%1$s，在%2$s哪里办",
      "我住%2$s，%1$s"
  };

  private SyntheticKb() {
  }

  /**
   * {@code count} guides: the shipped ones first (unchanged), then variants until {@code count}.
   */
  public static List<Entry> generate(List<Entry> shipped, int count, long seed) {
    if (shipped.isEmpty()) {
      throw new IllegalArgumentException("no shipped guides to recombine");
    }
    List<Entry> bases = new ArrayList<>(shipped);
    bases.sort((a, b) -> a.id().compareTo(b.id()));
    List<Entry> out = new ArrayList<>(Math.max(count, bases.size()));
    out.addAll(bases.subList(0, Math.min(count, bases.size())));
    for (int i = out.size(); i < count; i++) {
      out.add(variant(bases, i - bases.size(), i, seed));
    }
    return out;
  }

  private static Entry variant(List<Entry> bases, int j, int index, long seed) {
    Entry base = bases.get(j % bases.size());
    int round = j / bases.size();
    Random rng = new Random(seed * 31 + index);
    String city = CITIES[round % CITIES.length];
    String district = DISTRICTS[(round / CITIES.length + j) % DISTRICTS.length];
    String place = city + district;
    String title = base.title() + "（" + place + EDITIONS[rng.nextInt(EDITIONS.length)] + "）";

    List<String> sourceQuestions = new ArrayList<>(base.questions());
    if (sourceQuestions.isEmpty()) {
      sourceQuestions.add(base.title());
    }
    Collections.shuffle(sourceQuestions, rng);
    List<String> questions = new ArrayList<>(2);
    for (int k = 0; k < 2; k++) {
      String q = sourceQuestions.get(k % sourceQuestions.size()).replaceAll("[？?。！!\\s]+$", "");
      questions.add(String.format(TEMPLATES[rng.nextInt(TEMPLATES.length)], q, place));
    }

    GuideBody guide = base.guide();
    List<String> items = new ArrayList<>();
    for (GuideBody.Section section : guide.sections()) {
      items.addAll(section.items());
    }
    if (items.isEmpty()) {
      items.addAll(List.of(guide.summary().split("[，。；]")));
    }
    Collections.shuffle(items, rng);
    String heading = guide.sections().isEmpty()
        ? "办理须知"
        : guide.sections().get(rng.nextInt(guide.sections().size())).heading();
    // One paragraph of the guide's items in shuffled order, skipping any that would overshoot,
    // until about SECTION_CHARS. A paragraph, not a list: the index gives every list item of a
    // multi-item section its own vector, which would more than double the embedding work.
    StringBuilder paragraph = new StringBuilder();
    for (String item : items) {
      String text = item.strip().replaceAll("[；;。，,、\\s]+$", "");
      if (text.isEmpty() || (paragraph.length() > 0 && paragraph.length() + text.length() > SECTION_CHARS + 15)) {
        continue;
      }
      paragraph.append(paragraph.length() == 0 ? "" : "；").append(text);
      if (paragraph.length() >= SECTION_CHARS - 20) {
        break;
      }
    }
    String body = "## " + heading + "\n" + paragraph + "。";
    List<String> tags = new ArrayList<>(base.tags());
    tags.add(city);
    String id = base.id() + "-" + String.format("%04d", index);
    return new Entry(
        id, title, questions, tags, base.office(), base.source(), base.updated(), body, null, null);
  }

  /** Writes each guide as {@code <id>.md} (YAML front matter + Markdown) into {@code dir}. */
  public static void write(List<Entry> entries, Path dir) {
    try {
      Files.createDirectories(dir);
      for (Entry e : entries) {
        Files.writeString(dir.resolve(e.id() + ".md"), markdown(e), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file text of one guide. */
  static String markdown(Entry e) {
    StringBuilder out = new StringBuilder("---\n");
    out.append("id: ").append(e.id()).append('\n');
    out.append("title: ").append(Json.quote(e.title())).append('\n');
    out.append("questions: ").append(list(e.questions())).append('\n');
    out.append("tags: ").append(list(e.tags())).append('\n');
    out.append("office: ").append(Json.quote(e.office())).append('\n');
    out.append("source: ").append(Json.quote(e.source())).append('\n');
    out.append("updated: ").append(Json.quote(e.updated())).append('\n');
    out.append("---\n");
    out.append(e.body()).append('\n');
    return out.toString();
  }

  private static String list(List<String> items) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(Json.quote(items.get(i)));
    }
    return out.append(']').toString();
  }
}
