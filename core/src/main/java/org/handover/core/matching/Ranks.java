package org.handover.core.matching;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Military ranks in Ukrainian, Russian and English reduced to one ladder of grades, each rank one
 * step above the one below it (soldiers and sergeants 1 to 8, officers from 10), so that "старший
 * солдат", "ефрейтор" and "private first class" compare as one rank, and a rank one step apart (a
 * promotion between two lists) as near. A rank the table does not know has no grade.
 */
public final class Ranks {
  private static final Map<String, Integer> GRADES = new HashMap<>();

  static {
    grade(1, "солдат", "рядовой", "рядовий", "матрос", "private", "seaman");
    grade(
        2, "старший солдат", "ефрейтор", "старший матрос", "private first class", "lance corporal");
    grade(
        3,
        "молодший сержант",
        "младший сержант",
        "старшина 2 статті",
        "старшина 2 статьи",
        "corporal",
        "junior sergeant");
    grade(4, "сержант", "старшина 1 статті", "старшина 1 статьи", "sergeant");
    grade(
        5,
        "старший сержант",
        "головний старшина",
        "главный старшина",
        "staff sergeant",
        "senior sergeant");
    grade(
        6,
        "головний сержант",
        "старшина",
        "головний корабельний старшина",
        "главный корабельный старшина",
        "sergeant first class",
        "master sergeant");
    grade(7, "штаб-сержант", "прапорщик", "мічман", "мичман", "sergeant major", "warrant officer");
    grade(
        8,
        "майстер-сержант",
        "старший прапорщик",
        "старший мічман",
        "старший мичман",
        "senior warrant officer");
    grade(10, "молодший лейтенант", "младший лейтенант", "junior lieutenant");
    grade(11, "лейтенант", "lieutenant", "second lieutenant");
    grade(12, "старший лейтенант", "senior lieutenant", "first lieutenant");
    grade(13, "капітан", "капитан", "captain", "капітан-лейтенант", "капитан-лейтенант");
    grade(14, "майор", "major", "капітан 3 рангу", "капитан 3 ранга");
    grade(
        15,
        "підполковник",
        "подполковник",
        "lieutenant colonel",
        "капітан 2 рангу",
        "капитан 2 ранга");
    grade(16, "полковник", "colonel", "капітан 1 рангу", "капитан 1 ранга");
  }

  private Ranks() {}

  private static void grade(int grade, String... names) {
    for (String n : names) {
      GRADES.put(normal(n), grade);
    }
  }

  private static String normal(String rank) {
    return rank.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\d]+", " ").strip();
  }

  /** The grade of a rank written in any of the three languages, or 0 when unknown or empty. */
  public static int grade(String rank) {
    return rank == null || rank.isBlank() ? 0 : GRADES.getOrDefault(normal(rank), 0);
  }
}
