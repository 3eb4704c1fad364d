package org.handover.server.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with cookies, for driving the web pages in tests without a browser. */
public final class Browser {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final HttpClient http;
  private String base;
  private String language = "uk";
  public String csrf = "";

  public Browser(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The same browser, its cookies kept, talking to a server that came back on another port. */
  public Browser atPort(int port) {
    this.base = "http://127.0.0.1:" + port;
    return this;
  }

  public Browser acceptLanguage(String lang) {
    this.language = lang;
    return this;
  }

  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return send(b.build());
  }

  public byte[] bytes(String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Language", language)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Posts a form with the CSRF token the last page carried. */
  public HttpResponse<String> submit(String path, String... fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.put(fields[i], fields[i + 1]);
    }
    return post(path, form);
  }

  /** Posts a form whose fields may repeat (checkboxes), with the CSRF token. */
  public HttpResponse<String> submitRepeated(String path, String... fields) {
    StringBuilder body = new StringBuilder("csrf=" + enc(csrf));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Language", language)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  /** Posts a file as multipart/form-data, with the CSRF token the last page carried. */
  public HttpResponse<String> upload(String path, String fileName, byte[] content) {
    return upload(path, java.util.Map.of(), "file", fileName, content);
  }

  /** Posts form fields and a file as multipart/form-data, with the CSRF token. */
  public HttpResponse<String> upload(
      String path,
      java.util.Map<String, String> fields,
      String fileField,
      String fileName,
      byte[] content) {
    String boundary = "----handover" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                  + csrf
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
      for (var f : fields.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + f.getKey()
                    + "\"\r\n\r\n"
                    + f.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + fileField
                  + "\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(content);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Language", language)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /**
   * Follows a long job started by {@code started} (a redirect to its page) until the job sends to
   * its result, and returns that page; a failed job's page is returned as it is.
   */
  public HttpResponse<String> awaitJob(HttpResponse<String> started) {
    String location = started.headers().firstValue("Location").orElseThrow();
    long until = System.currentTimeMillis() + 180_000;
    while (true) {
      HttpResponse<String> r = get(location);
      if (r.statusCode() == 302) {
        return get(r.headers().firstValue("Location").orElseThrow());
      }
      if (r.statusCode() != 200 || !r.body().contains("id=\"job-step\"")) {
        return r;
      }
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("the job did not end: " + location);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public HttpResponse<String> login(String user, String password) {
    get("/login");
    return submit("/login", "username", user, "password", password);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> r =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) {
        csrf = m.group(1);
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
