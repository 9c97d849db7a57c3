package org.linli.bot.household;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What importing a register file would change, worked out without changing anything: the problems
 * by line when the file would be refused, else the households it adds, those whose address, area,
 * owners, names or phones it changes (each field before and after; names and phones in masked form
 * only), and how many it leaves as they are. The console shows it before the moderator commits the
 * same file with {@link HouseholdRegister#importCsv}; an import never removes a household.
 *
 * @param problems one sentence per problem, each naming its line; empty when the file can be
 *     imported
 * @param added the households not on the register yet, in file order
 * @param changed the households the file changes, in file order
 * @param unchanged how many of the file's households are on the register as they are
 * @param ignoredColumns header columns that are not kept
 */
public record RegisterPreview(List<String> problems, List<Household> added, List<Change> changed, int unchanged,
    List<String> ignoredColumns) {

  public RegisterPreview {
    problems = List.copyOf(problems);
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    ignoredColumns = List.copyOf(ignoredColumns);
  }

  /**
   * One household the file changes.
   *
   * @param household the household as the file has it
   * @param fields field name → {@code [before, after]}, in a fixed order
   */
  public record Change(Household household, Map<String, List<String>> fields) {
  }

  /** True when the file would be imported. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** What importing {@code csv} into {@code register} would change. */
  public static Future<RegisterPreview> of(HouseholdRegister register, String csv) {
    HouseholdCsv.Parsed parsed;
    try {
      parsed = HouseholdCsv.parse(csv);
    } catch (HouseholdCsv.Invalid e) {
      return Future.succeededFuture(new RegisterPreview(e.problems(), List.of(), List.of(), 0, List.of()));
    }
    return register.list().map(stored -> {
      Map<String, Household> before = new HashMap<>();
      stored.forEach(l -> before.put(l.household().id(), l.household()));
      List<Household> added = new ArrayList<>();
      List<Change> changed = new ArrayList<>();
      int unchanged = 0;
      for (Household h : parsed.households()) {
        Household old = before.get(h.id());
        if (old == null) {
          added.add(h);
          continue;
        }
        Map<String, List<String>> fields = differences(old, h);
        if (fields.isEmpty()) {
          unchanged++;
        } else {
          changed.add(new Change(h, fields));
        }
      }
      return new RegisterPreview(List.of(), added, changed, unchanged, parsed.ignoredColumns());
    });
  }

  private static Map<String, List<String>> differences(Household a, Household b) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    field(out, "building", a.building(), b.building());
    field(out, "unit", a.unit(), b.unit());
    field(out, "room", a.room(), b.room());
    field(out, "area", String.valueOf(a.areaSquareMetres()), String.valueOf(b.areaSquareMetres()));
    field(out, "owners", String.valueOf(a.owners()), String.valueOf(b.owners()));
    field(out, "names", a.maskedNames(), b.maskedNames());
    field(out, "phones", a.maskedPhones(), b.maskedPhones());
    return out;
  }

  private static void field(Map<String, List<String>> out, String name, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.put(name, List.of(before, after));
    }
  }
}
