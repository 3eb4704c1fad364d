package org.handover.core.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The surname pool of generated people: the most common first, then thousands of rarer ones. */
final class Surnames {
  private Surnames() {}

  static List<String[]> load(String[][] common) {
    Set<String> seen = new LinkedHashSet<>();
    List<String[]> all = new ArrayList<>();
    for (String[] c : common) {
      seen.add(c[0]);
      all.add(c);
    }
    try (InputStream in = Surnames.class.getResourceAsStream("surnames.txt")) {
      if (in == null) {
        throw new IllegalStateException("surnames.txt is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("#") && seen.add(s)) {
          all.add(new String[] {s, feminine(s)});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read surnames.txt", e);
    }
    return all;
  }

  /** Ukrainian feminine form: Ковальський -> Ковальська, Соловйов -> Соловйова; -енко, -ук stay. */
  static String feminine(String masculine) {
    if (masculine.endsWith("ський") || masculine.endsWith("цький")) {
      return masculine.substring(0, masculine.length() - 2) + "а";
    }
    if (masculine.endsWith("ов")
        || masculine.endsWith("ев")
        || masculine.endsWith("єв")
        || masculine.endsWith("ін")
        || masculine.endsWith("ин")) {
      return masculine + "а";
    }
    return masculine;
  }

  /**
   * Cumulative Zipf–Mandelbrot weights over ranks 1..n, 1 / (k + q)^s, ending at 1 (q = 0 is
   * Zipf's).
   */
  static double[] zipf(int n, double s, double q) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1 / Math.pow(k + q, s);
      c[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }
}
