package org.linli.bot.household;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits CSV text into records with Commons CSV (RFC 4180 as spreadsheets write it): a leading BOM,
 * CRLF, LF or CR line ends, quoted fields with commas, doubled quotes and line breaks inside, and
 * spaces around a quoted field. Each record keeps the line it starts on, so errors can name it.
 * Blank lines (and lines of only commas) are skipped.
 */
final class CsvRecords {

  /** Empty lines come through as records, so that each record starts on the line after the last. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setIgnoreEmptyLines(false)
      .setIgnoreSurroundingSpaces(true)
      .get();

  /** One record and the line (from 1) where it starts. */
  record Row(int line, List<String> fields) {
    boolean blank() {
      return fields.stream().allMatch(String::isBlank);
    }
  }

  private CsvRecords() {
  }

  static List<Row> split(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(s, FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        int line = (int) parser.getCurrentLineNumber() + 1;
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw invalid(line, e.getCause());
        }
        Row row = new Row(line, record.toList());
        if (!row.blank()) {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw invalid(1, e);
    }
    return rows;
  }

  private static HouseholdCsv.Invalid invalid(int line, IOException e) {
    return String.valueOf(e.getMessage()).contains("EOF reached before encapsulated token finished")
        ? new HouseholdCsv.Invalid(line, "a quoted field is never closed (a \" is missing)")
        : new HouseholdCsv.Invalid(line, "text follows a closing quote; write \"\" for a quote inside a quoted field");
  }
}
