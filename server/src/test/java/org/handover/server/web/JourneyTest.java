package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.handover.core.accounts.Role;
import org.handover.core.demo.DemoPeople;
import org.handover.core.registry.PersonForm;
import org.handover.server.App;
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
 * A coordinator's whole journey with a list, in Ukrainian, in Chromium: a Windows-1251 list with
 * Russian headers uploaded from the home page, previewed, imported, matched, reviewed with the
 * keyboard, one decision undone and taken again, and the confirmed list exported as CSV with the
 * registry's references.
 */
class JourneyTest {
  static final String LIST =
      "Фамилия;Имя;Отчество;Дата рождения;Воинское звание\n"
          + "КОВАЛЬЧУК;Юрий;Петрович;12.03.1998;рядовой\n"
          + "Мельник;Олег;;1985;\n"
          + "Шевчук;Андрей;Иванович;04.07.1990;сержант\n";
  App app;
  Javalin web;
  WebDriver driver;
  String password;
  String reviewer;
  Path shots;

  @BeforeEach
  void start() throws IOException {
    Chromium.requirePresent();
    app = new App(Database.open(TestDatabases.postgres()), Clock.systemDefaultZone());
    password = app.accounts().create("olena", Role.REGISTRAR, "test");
    reviewer = app.accounts().create("maria", Role.REVIEWER, "test");
    LocalDate today = LocalDate.now();
    app.registry().addAll(new DemoPeople(9, today).generate(40), today, "demo");
    add(today, "Ковальчук", "Юрій", "Петрович", "12.03.1998", "ЗСУ-1");
    add(today, "Мельник", "Олег", "Іванович", "14.02.1985", "ЗСУ-2");
    add(today, "Шевчук", "Андрій", "Іванович", "04.07.1991", "ЗСУ-3");
    web = app.web().create().start("127.0.0.1", 0);
    shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    driver = Chromium.start();
  }

  void add(
      LocalDate today, String family, String given, String patronymic, String born, String ref) {
    app.registry()
        .add(
            new PersonForm(
                    Map.of(
                        "name.0.family", family,
                        "name.0.given", given,
                        "name.0.patronymic", patronymic,
                        "birth_date", born,
                        "reference", ref))
                .read(0, today)
                .person()
                .orElseThrow(),
            today,
            "demo");
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

  void shot(String name) throws IOException {
    File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void uploadMatchReviewUndoAndExportTheConfirmedList() throws Exception {
    String base = "http://127.0.0.1:" + web.port();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    logIn(base, "olena", password);
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Головна"));

    // the upload, from what the home page says waits
    driver.findElement(By.cssSelector("#wait-upload a")).click();
    Path file = Files.createTempFile("spisok", ".csv");
    Files.write(file, LIST.getBytes(Charset.forName("windows-1251")));
    driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    driver.findElement(By.id("upload-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
    assertThat(driver.findElement(By.id("preview")).getText())
        .contains("КОВАЛЬЧУК")
        .contains("Шевчук");
    driver.findElement(By.id("received")).sendKeys("03.06.2025");
    driver.findElement(By.id("import-submit")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster-title")));

    // matched beside the page, which follows the run to its review
    driver.findElement(By.id("run-match")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
    // four eyes: who imported the list does not confirm its links; a second person does
    assertThat(driver.findElement(By.id("four-eyes")).getText()).contains("чотирьох очей");
    assertThat(driver.findElement(By.id("confirm")).isEnabled()).isFalse();
    String review = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("form.logout button")).click();
    logIn(base, "maria", reviewer);
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Головна"));
    driver.get(review);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
    assertThat(driver.findElements(By.id("four-eyes"))).isEmpty();
    shot("journey-review-uk");
    int decided = 0;
    while (driver.findElements(By.id("queue-done")).isEmpty() && decided < 10) {
      String before = driver.findElement(By.id("progress")).getText();
      String pair = driver.findElement(By.id("pair")).getText();
      // the other side's Shevchuk is a year off: not ours; the rest is
      new Actions(driver).sendKeys(pair.contains("Шевчук") ? "r" : "c").perform();
      wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("progress"), before)));
      decided++;
    }
    assertThat(decided).isGreaterThan(0);
    assertThat(driver.findElement(By.id("done-counts")).getText()).contains("Підтверджено: 1");

    // the verified list: a decision undone and taken again
    driver.findElement(By.id("next-verified")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("verified")));
    driver.findElement(By.cssSelector("tr.link-confirmed button.undo")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-waiting")));
    driver.findElement(By.cssSelector("#review-waiting a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pair")));
    assertThat(driver.findElement(By.id("pair")).getText()).contains("Мельник");
    new Actions(driver).sendKeys("c").perform();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-done")));

    // the confirmed list, as the coordinator hands it back
    driver.findElement(By.id("next-verified")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("export")));
    shot("journey-verified-uk");
    String roster = driver.getCurrentUrl().replaceAll(".*/rosters/(\\d+)/verified.*", "$1");
    String csv = download(base + "/rosters/" + roster + "/verified.csv?only=confirmed");
    List<String> rows = csv.lines().toList();
    assertThat(rows.get(0)).contains("Номер у реєстрі").contains("Зв’язок");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1))
        .contains("Мельник")
        .contains("ЗСУ-2")
        .contains("підтверджено перевіряльником");
    String linked = download(base + "/rosters/" + roster + "/verified.csv");
    assertThat(linked)
        .contains("ЗСУ-1")
        .contains("пов’язано без перевірки")
        .doesNotContain("Шевчук");
    // the confirmation names both: who confirmed, and who imported the list
    assertThat(
            app.journal()
                .find(
                    new org.handover.server.journal.Journal.Filter(
                        "maria", "match", "", 0, Long.MAX_VALUE),
                    0,
                    10))
        .anySatisfy(
            e -> assertThat(e.after()).contains("\"imported_by\":\"olena\"").contains("confirmed"));
    // and the export is journaled as a read: who took which list, in which form, how many rows
    assertThat(
            app.journal()
                .find(
                    new org.handover.server.journal.Journal.Filter(
                        "maria", "access", "", 0, Long.MAX_VALUE),
                    0,
                    50))
        .anySatisfy(
            e -> assertThat(e.after()).contains("\"only\":\"confirmed\"").contains("\"rows\":1"));
  }

  void logIn(String base, String user, String secret) {
    driver.get(base + "/login");
    WebElement language = driver.findElement(By.id("lang-uk"));
    language.click();
    // the choice reloads the page: the fields are the new page's only once the old one is gone
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(language));
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(secret);
    driver.findElement(By.id("login-submit")).click();
  }

  /**
   * Whether an element's page has been replaced: Chromium may say so as a stale element or, while
   * the new document loads, as a node that "does not belong to the document".
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** A download with the browser's session, as the export button would save it. */
  String download(String url) throws Exception {
    String cookie = driver.manage().getCookieNamed("handover_session").getValue();
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url))
                    .header("Cookie", "handover_session=" + cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return new String(r.body(), StandardCharsets.UTF_8).replace("\uFEFF", "");
  }
}
