package org.linli.bot.household;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linli.bot.text.Words;
import org.linli.webhooks.WellFormedText;

/**
 * Reads the household register from CSV as the community office exports it: a header row (English
 * or Chinese column names, any case, in any order), then one household per row. Every row is
 * checked before anything is returned; problems name their line and column, so a file is either
 * taken whole or refused whole. Names and phone numbers are masked as they are read.
 */
public final class HouseholdCsv {

  /** An example header, shown when the header is missing or wrong. */
  public static final String EXAMPLE_HEADER = "household,building,unit,room,area,owners,names,phones";

  private static final int MAX_PROBLEMS = 10;
  private static final int MAX_PART = 32;
  private static final int MAX_NAMES = 200;

  /** Column → the header names that mean it (compared lower-case, without spaces or brackets). */
  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("household", Words.REGISTER_HEADER_HOUSEHOLD.list());
    COLUMNS.put("building", Words.REGISTER_HEADER_BUILDING.list());
    COLUMNS.put("unit", Words.REGISTER_HEADER_UNIT.list());
    COLUMNS.put("room", Words.REGISTER_HEADER_ROOM.list());
    COLUMNS.put("area", Words.REGISTER_HEADER_AREA.list());
    COLUMNS.put("owners", Words.REGISTER_HEADER_OWNERS.list());
    COLUMNS.put("names", Words.REGISTER_HEADER_NAMES.list());
    COLUMNS.put("phones", Words.REGISTER_HEADER_PHONES.list());
  }

  private static final List<String> REQUIRED = List.of("household", "building", "room", "area", "owners");

  private HouseholdCsv() {
  }

  /** The households of a file and the columns it had that the register does not keep. */
  public record Parsed(List<Household> households, List<String> ignoredColumns) {
    public Parsed {
      households = List.copyOf(households);
      ignoredColumns = List.copyOf(ignoredColumns);
    }
  }

  /** Why a file was refused: one sentence per problem, each naming its line (0: the whole file). */
  public static final class Invalid extends IllegalArgumentException {
    private final int line;
    private final List<String> problems;

    Invalid(int line, String problem) {
      this(line, List.of(line > 0 ? "line " + line + ": " + problem : problem));
    }

    private Invalid(int line, List<String> problems) {
      super(String.join("; ", problems));
      this.line = line;
      this.problems = List.copyOf(problems);
    }

    /** The first line with a problem, or 0 when the problem is the whole file. */
    public int line() {
      return line;
    }

    /** Each problem in a sentence, in file order (at most ten, then a count of the rest). */
    public List<String> problems() {
      return problems;
    }
  }

  /**
   * The text of an uploaded file: UTF-8 (with or without BOM), or else GB18030/GBK, which is what
   * spreadsheets on Chinese Windows save as "CSV".
   *
   * @throws Invalid when it is neither
   */
  public static String decode(byte[] bytes) {
    for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
      try {
        return charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        // try the next one
      }
    }
    throw new Invalid(0, "the file is neither UTF-8 nor GBK text; save it as \"CSV UTF-8\"");
  }

  /**
   * The households of a CSV text.
   *
   * @throws Invalid naming the line and column of every problem found (up to ten)
   */
  public static Parsed parse(String text) {
    List<CsvRecords.Row> rows = CsvRecords.split(text);
    if (rows.isEmpty()) {
      throw new Invalid(0, "the file is empty; its first line must be a header such as " + EXAMPLE_HEADER);
    }
    CsvRecords.Row header = rows.get(0);
    Map<String, Integer> columns = new HashMap<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String raw = header.fields().get(i).strip();
      String column = column(raw);
      if (column == null) {
        if (!raw.isEmpty()) {
          ignored.add(raw);
        }
      } else if (columns.putIfAbsent(column, i) != null) {
        throw new Invalid(header.line(), "column " + column + " appears twice (columns " + (columns.get(column) + 1)
            + " and " + (i + 1) + ")");
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new Invalid(header.line(), "the header has no column " + String.join(", ", missing)
          + "; the first line must be a header such as " + EXAMPLE_HEADER);
    }
    if (rows.size() == 1) {
      throw new Invalid(0, "the file has a header but no households");
    }
    List<String> problems = new ArrayList<>();
    int firstLine = 0;
    int more = 0;
    List<Household> households = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      try {
        Household h = household(row, columns, header.fields().size());
        Integer earlier = seen.putIfAbsent(h.id(), row.line());
        if (earlier != null) {
          throw new Invalid(row.line(), "household \"" + h.id() + "\" is already on line " + earlier);
        }
        households.add(h);
      } catch (Invalid e) {
        firstLine = firstLine == 0 ? e.line() : firstLine;
        if (problems.size() < MAX_PROBLEMS) {
          problems.addAll(e.problems());
        } else {
          more++;
        }
      }
    }
    if (!problems.isEmpty()) {
      if (more > 0) {
        problems.add("and " + more + " more " + (more == 1 ? "line" : "lines") + " with problems");
      }
      throw new Invalid(firstLine, problems);
    }
    return new Parsed(households, ignored);
  }

  private static String column(String header) {
    String key = header.toLowerCase(Locale.ROOT).replaceAll(Words.REGISTER_HEADER_NOTE.text(), "")
        .replaceAll("[\\s_-]", "");
    for (Map.Entry<String, List<String>> c : COLUMNS.entrySet()) {
      if (c.getValue().contains(key)) {
        return c.getKey();
      }
    }
    return null;
  }

  private static Household household(CsvRecords.Row row, Map<String, Integer> columns, int width) {
    List<String> f = row.fields();
    int line = row.line();
    if (f.size() < width) {
      throw new Invalid(line, "expected " + width + " fields as in the header, found " + f.size());
    }
    for (int i = width; i < f.size(); i++) {
      if (!f.get(i).isBlank()) {
        throw new Invalid(line, "found " + f.size() + " fields, but the header has " + width
            + "; put text that contains commas in double quotes");
      }
    }
    String id = value(f, columns, "household");
    if (id.isEmpty()) {
      throw new Invalid(line, "household is empty");
    }
    if (!Household.ID.matcher(id).matches()) {
      throw new Invalid(line, "household " + quote(id) + " must be 1 to 32 letters, digits, - or _ (e.g. 3-2-601)");
    }
    String building = part(line, f, columns, "building", true);
    String unit = part(line, f, columns, "unit", false);
    String room = part(line, f, columns, "room", true);
    long area = area(line, value(f, columns, "area"));
    int owners = owners(line, value(f, columns, "owners"));
    String names = value(f, columns, "names");
    if (names.codePointCount(0, names.length()) > MAX_NAMES) {
      throw new Invalid(line, "names is longer than " + MAX_NAMES + " characters");
    }
    String phones;
    try {
      phones = Masking.phones(value(f, columns, "phones"));
    } catch (Masking.NotAPhoneNumber e) {
      // The value is not repeated: it may be someone's number with a typo.
      throw new Invalid(line, "phones: " + e.getMessage());
    }
    return new Household(id, building, unit, room, area, owners, Masking.names(names), phones);
  }

  private static String part(int line, List<String> f, Map<String, Integer> columns, String column, boolean required) {
    String v = value(f, columns, column);
    if (required && v.isEmpty()) {
      throw new Invalid(line, column + " is empty");
    }
    if (v.length() > MAX_PART) {
      throw new Invalid(line, column + " " + quote(v) + " is longer than " + MAX_PART + " characters");
    }
    return v;
  }

  private static long area(int line, String raw) {
    String v = raw.replaceAll(Words.REGISTER_AREA_UNIT.text(), "");
    if (!v.matches("\\d{1,5}(\\.\\d+)?")) {
      throw new Invalid(line, "area " + quote(raw) + " is not a number of square metres (e.g. 89.5)");
    }
    BigDecimal m2 = new BigDecimal(v);
    if (m2.scale() > 2 && m2.stripTrailingZeros().scale() > 2) {
      throw new Invalid(line, "area " + quote(raw) + " has more than 2 decimals");
    }
    long hundredths = m2.movePointRight(2).longValueExact();
    if (hundredths <= 0 || hundredths >= Household.AREA_LIMIT_HUNDREDTHS) {
      throw new Invalid(line, "area " + quote(raw) + " must be more than 0 and less than 10000 square metres");
    }
    return hundredths;
  }

  private static int owners(int line, String raw) {
    if (!raw.matches("\\d{1,4}") || Integer.parseInt(raw) < 1) {
      throw new Invalid(line, "owners " + quote(raw) + " must be a whole number of at least 1");
    }
    return Integer.parseInt(raw);
  }

  private static String value(List<String> f, Map<String, Integer> columns, String column) {
    Integer i = columns.get(column);
    return i == null ? "" : f.get(i).strip();
  }

  private static String quote(String v) {
    String shown = WellFormedText.first(v, 40);
    return "\"" + shown + (shown.length() < v.length() ? "…" : "") + "\"";
  }
}
