package org.linli.bot.household;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180 as spreadsheets write it): a leading BOM, CRLF, LF or CR
 * line ends, quoted fields with commas, doubled quotes and line breaks inside. Each record keeps the
 * line it starts on, so errors can name it. Blank lines (and lines of only commas) are skipped.
 */
final class CsvRecords {

  /** One record and the line (from 1) where it starts. */
  record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private CsvRecords() {}

  static List<Row> split(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int start = 1;
    int i = 0;
    int n = s.length();
    while (i <= n) {
      if (i == n) {
        fields.add(field.toString());
        add(rows, new Row(start, fields));
        break;
      }
      char c = s.charAt(i);
      if (c == '"' && field.toString().isBlank()) {
        int quoteLine = line;
        field.setLength(0);
        i++;
        while (true) {
          if (i >= n) {
            throw new HouseholdCsv.Invalid(quoteLine, "a quoted field is never closed (a \" is missing)");
          }
          char q = s.charAt(i);
          if (q == '"') {
            if (i + 1 < n && s.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n' || q == '\r' && !(i + 1 < n && s.charAt(i + 1) == '\n')) {
            line++;
          }
          field.append(q);
          i++;
        }
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
          i++;
        }
        if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
          throw new HouseholdCsv.Invalid(line, "text follows a closing quote; write \"\" for a quote inside a quoted field");
        }
        continue;
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r' || c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        add(rows, new Row(start, fields));
        fields = new ArrayList<>();
        i += c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
        line++;
        start = line;
      } else {
        field.append(c);
        i++;
      }
    }
    return rows;
  }

  private static void add(List<Row> rows, Row row) {
    if (!row.blank()) {
      rows.add(new Row(row.line(), List.copyOf(row.fields())));
    }
  }
}
