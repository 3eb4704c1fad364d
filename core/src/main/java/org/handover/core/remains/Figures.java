package org.handover.core.remains;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identification figures of a register as of a day: received, with a claimed identity,
 * identified and presumed; the rate per case and per person (a person counts once any of their
 * cases is identified, and the other parts of them then count with that one); by method; the median
 * time from receipt to identification; and month by month.
 */
public final class Figures {
  /** What the figures need of one case, as of the day asked. */
  public record Case(
      LocalDate receivedOn,
      boolean claimed,
      Identification.Status status,
      Optional<LocalDate> identifiedOn,
      Optional<Long> personId,
      Set<Method> methods) {}

  /** One month: received and identified in it, and the cumulative rate at its end. */
  public record Month(
      YearMonth month, long received, long identified, long receivedSoFar, long identifiedSoFar) {
    public double rate() {
      return receivedSoFar == 0 ? 0 : (double) identifiedSoFar / receivedSoFar;
    }
  }

  /** The figures. */
  public record Result(
      long received,
      long claimed,
      long identified,
      long presumed,
      long identifiedPersons,
      double ratePerCase,
      double ratePerPerson,
      Map<Method, Long> byMethod,
      Optional<Long> medianDays,
      List<Month> months) {}

  private Figures() {}

  public static Result of(List<Case> cases, LocalDate asOf) {
    long received = 0;
    long claimed = 0;
    long identified = 0;
    long presumed = 0;
    Set<Long> persons = new HashSet<>();
    Map<Method, Long> byMethod = new EnumMap<>(Method.class);
    List<Long> days = new ArrayList<>();
    TreeMap<YearMonth, long[]> months = new TreeMap<>();
    for (Case c : cases) {
      if (c.receivedOn().isAfter(asOf)) {
        continue;
      }
      received++;
      months.computeIfAbsent(YearMonth.from(c.receivedOn()), k -> new long[2])[0]++;
      if (c.claimed()) {
        claimed++;
      }
      boolean known = c.identifiedOn().map(d -> !d.isAfter(asOf)).orElse(false);
      if (known && c.status() == Identification.Status.IDENTIFIED) {
        identified++;
        c.personId().ifPresent(persons::add);
        c.methods().forEach(m -> byMethod.merge(m, 1L, Long::sum));
        days.add(c.receivedOn().until(c.identifiedOn().get(), java.time.temporal.ChronoUnit.DAYS));
        months.computeIfAbsent(YearMonth.from(c.identifiedOn().get()), k -> new long[2])[1]++;
      } else if (known && c.status() == Identification.Status.PRESUMED) {
        presumed++;
      }
    }
    // the parts of one person beyond the first are not persons waiting to be identified
    long surplus = identified - persons.size();
    long personsReceived = received - surplus;
    List<Month> series = new ArrayList<>();
    if (!months.isEmpty()) {
      long soFarReceived = 0;
      long soFarIdentified = 0;
      YearMonth last = YearMonth.from(asOf);
      for (YearMonth m = months.firstKey(); !m.isAfter(last); m = m.plusMonths(1)) {
        long[] v = months.getOrDefault(m, new long[2]);
        soFarReceived += v[0];
        soFarIdentified += v[1];
        series.add(new Month(m, v[0], v[1], soFarReceived, soFarIdentified));
      }
    }
    days.sort(Long::compare);
    return new Result(
        received,
        claimed,
        identified,
        presumed,
        persons.size(),
        received == 0 ? 0 : (double) identified / received,
        personsReceived <= 0 ? 0 : (double) persons.size() / personsReceived,
        byMethod,
        days.isEmpty() ? Optional.empty() : Optional.of(days.get(days.size() / 2)),
        series);
  }
}
