package org.handover.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRulesTest {
  @Test
  void lengthCountsAndCompositionDoesNot() {
    assertThat(PasswordRules.problem("Tr0ub4dor&3", "olena")).contains("password.too-short");
    assertThat(PasswordRules.problem("x".repeat(257), "olena")).contains("password.too-long");
    // four common words: long enough, with no digit or sign, and accepted
    assertThat(PasswordRules.problem("correct horse battery staple", "olena")).isEmpty();
    assertThat(PasswordRules.problem("вишня сонях кавун", "olena")).isEmpty();
  }

  @Test
  void commonPasswordsAreRefusedAsTheyAreAndWithDigitsOrSignsAround() {
    assertThat(PasswordRules.problem("password2024!", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("Qwertyuiop123", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("йцукенгшщз12", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("gfhjkmgfhjkm", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("qwertyqwerty", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("abcabcabcabc", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("111111111111", "olena")).contains("password.common");
    assertThat(PasswordRules.problem("2024!Slavaukraini", "olena")).contains("password.common");
  }

  @Test
  void theUsersOwnNameIsRefused() {
    assertThat(PasswordRules.problem("my name is Olena, really", "olena"))
        .contains("password.has-name");
  }
}
