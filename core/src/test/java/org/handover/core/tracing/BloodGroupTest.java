package org.handover.core.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BloodGroupTest {
  @Test
  void readsTheWaysAGroupIsWritten() {
    assertEquals(Optional.of("A+"), BloodGroup.read("A+"));
    assertEquals(Optional.of("O+"), BloodGroup.read("0(I) Rh+"));
    assertEquals(Optional.of("A-"), BloodGroup.read("II Rh−"));
    assertEquals(Optional.of("AB-"), BloodGroup.read("АВ(IV) негативний"));
    assertEquals(Optional.of("B+"), BloodGroup.read("b positive"));
    assertEquals(Optional.of("B-"), BloodGroup.read("III (B) отрицательная"));
    assertEquals(Optional.of("O"), BloodGroup.read("І"));
    assertEquals(Optional.of("A+"), BloodGroup.read("A(II) положительная"));
  }

  @Test
  void refusesWhatIsNotAGroup() {
    assertEquals(Optional.empty(), BloodGroup.read(""));
    assertEquals(Optional.empty(), BloodGroup.read("C+"));
    assertEquals(Optional.empty(), BloodGroup.read("A(III)"));
    assertEquals(Optional.empty(), BloodGroup.read("група крові невідома"));
  }
}
