package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
import org.handover.server.rosters.TheirLists;
import org.handover.server.storage.Database;
import org.handover.server.storage.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user's path through Debian's Chromium: log in, switch to Ukrainian, find a person by a Latin
 * spelling, change a field, see the change in the person's journal. In CI (CI=true) a missing
 * browser fails the test; elsewhere it is skipped.
 */
class BrowserTest {
  App app;
  Javalin web;
  WebDriver driver;
  String password;
  Path shots;

  @BeforeEach
  void start() throws IOException {
    Chromium.requirePresent();
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    password = app.accounts().create("olena", Role.REGISTRAR, "test");
    LocalDate today = LocalDate.now();
    app.registry().addAll(new DemoPeople(9, today).generate(40), today, "demo");
    app.registry()
        .add(
            new PersonForm(
                    Map.of(
                        "name.0.family",
                        "Ковальчук",
                        "name.0.given",
                        "Юрій",
                        "name.0.patronymic",
                        "Петрович",
                        "birth_date",
                        "12.03.1998",
                        "rank",
                        "солдат",
                        "status",
                        "captive"))
                .read(0, today)
                .person()
                .orElseThrow(),
            today,
            "demo");
    web = app.web().create().start("127.0.0.1", 0);

    shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    driver = Chromium.start();
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      Chromium.stop(driver);
    }
    if (web != null) {
      web.stop();
      app.close();
    }
  }

  private void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private void logIn(String base) {
    driver.get(base + "/login");
    driver.findElement(By.id("username")).sendKeys("olena");
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  @Test
  void runMatchingOnAListAndConfirmALinkWithTheKeyboard() throws Exception {
    Path list = Files.createTempFile("their", ".csv");
    long roster =
        TheirLists.imported(
            app,
            list,
            "their.csv",
            "ФИО,Дата рождения\nКОВАЛЬЧУК Юрий Петрович,12.03.1998\nКовальчук Ю.,1998\n",
            "test",
            LocalDate.now());
    String base = "http://127.0.0.1:" + web.port();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    logIn(base);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
    driver.get(base + "/rosters/" + roster);
    // both entries may then name the one Kovalchuk: the undated one waits for review
    driver.findElement(By.name("one_to_one")).click();
    driver.findElement(By.id("run-match")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("explanation")));
    String before = driver.findElement(By.id("progress")).getText();
    assertThat(driver.findElement(By.id("pair")).getText()).contains("Ковальчук Юрій Петрович");
    assertThat(driver.findElement(By.id("explanation")).getText())
        .contains("прізвище")
        .contains("дата народження");
    shot("review-uk");
    new Actions(driver).sendKeys("c").perform();
    // the one Kovalchuk stands linked to the dated row: confirmed here only on the word that the
    // list names him twice
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("twice")));
    assertThat(driver.findElement(By.id("twice")).getText()).contains("записом 1");
    shot("twice-uk");
    driver.findElement(By.id("confirm-twice")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("progress"), before)));
    assertThat(driver.findElement(By.id("progress")).getText()).startsWith("вирішено 1 з");
    assertThat(driver.findElement(By.id("decided")).getText()).contains("підтверджено (olena)");
  }

  @Test
  void logInSwitchToUkrainianFindByLatinSpellingEditAndSeeTheJournal() throws IOException {
    String base = "http://127.0.0.1:" + web.port();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    driver.get(base + "/registry");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
    shot("login-en");

    driver.findElement(By.id("lang-uk")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Вхід"));
    driver.findElement(By.id("username")).sendKeys("olena");
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Головна"));

    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("Kovalchuk Yurii");
    driver.findElement(By.id("search-submit")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("results"), "Ковальчук Юрій Петрович"));
    shot("search-uk");
    driver.findElement(By.linkText("Ковальчук Юрій Петрович")).click();
    wait.until(ExpectedConditions.textToBe(By.id("person-name"), "Ковальчук Юрій Петрович"));
    assertThat(driver.findElement(By.id("f-rank")).getText()).isEqualTo("солдат");

    driver.findElement(By.id("edit-person")).click();
    WebElement rank = driver.findElement(By.id("rank"));
    rank.clear();
    rank.sendKeys("сержант");
    driver.findElement(By.id("save-person")).click();
    wait.until(ExpectedConditions.textToBe(By.id("f-rank"), "сержант"));
    String journal = driver.findElement(By.id("journal")).getText();
    assertThat(journal)
        .contains("особу змінено")
        .contains("olena")
        .contains("сержант")
        .contains("солдат");
    shot("person-uk");
  }

  @Test
  void findAPersonRecordedTwiceAndMergeTheGroupKeepingBothSpellings() throws Exception {
    LocalDate today = LocalDate.now();
    long copy =
        app.registry()
            .add(
                new PersonForm(
                        Map.of(
                            "name.0.family",
                            "Ковальчук",
                            "name.0.given",
                            "Юрий",
                            "name.0.patronymic",
                            "Петрович",
                            "name.0.source",
                            "list RU-3",
                            "birth_date",
                            "12.03.1998",
                            "service_number",
                            "АБ765432",
                            "status",
                            "captive"))
                    .read(0, today)
                    .person()
                    .orElseThrow(),
                today,
                "demo");
    String base = "http://127.0.0.1:" + web.port();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    logIn(base);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q")));
    driver.get(base + "/duplicates");
    assertThat(driver.findElement(By.id("no-search")).isDisplayed()).isTrue();
    driver.findElement(By.id("find-duplicates")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-search")));
    WebElement groups = driver.findElement(By.id("groups"));
    assertThat(groups.getText())
        .contains("Ковальчук Юрій Петрович")
        .contains("Ковальчук Юрий Петрович");
    shot("duplicates");
    WebElement row =
        groups.findElements(By.tagName("tr")).stream()
            .filter(r -> r.getText().contains("Ковальчук"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.tagName("a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("group-persons")));
    String kept =
        driver.findElements(By.cssSelector("input[name=keep]")).stream()
            .map(e -> e.getAttribute("value"))
            .filter(v -> !v.equals(String.valueOf(copy)))
            .findFirst()
            .orElseThrow();
    driver.findElement(By.id("keep-" + kept)).click();
    shot("duplicate-group");
    driver.findElement(By.id("merge")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person-name")));
    assertThat(driver.getCurrentUrl()).endsWith("/registry/" + kept);
    assertThat(driver.findElement(By.tagName("main")).getText())
        .contains("Юрий")
        .contains("list RU-3")
        .contains("АБ765432");
    driver.get(base + "/registry/" + copy);
    assertThat(driver.findElement(By.id("merged-into")).getText()).contains("#" + kept);
    assertThat(app.registry().mergedInto(copy)).contains(Long.parseLong(kept));
  }
}
