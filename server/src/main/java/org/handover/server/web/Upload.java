package org.handover.server.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The file of a form's {@code file} field, saved to a temporary file for one request and removed
 * when closed: what a page that reads a posted list works on.
 *
 * <pre>{@code
 * try (Upload u = Upload.take(ctx, web.maxUploadBytes(), view)) { read(u.file(), u.name()); }
 * catch (Upload.Rejected r) { form(ctx, List.of(r.getMessage()), r.status()); }
 * }</pre>
 */
public record Upload(Path file, String name) implements AutoCloseable {
  /** No file, or one over the limit: the message in the reader's words and the HTTP status. */
  public static final class Rejected extends RuntimeException {
    private final int status;

    Rejected(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * @throws Rejected when the request is larger than {@code maxBytes} or carries no file
   */
  public static Upload take(Context ctx, long maxBytes, View v) throws IOException {
    if (ctx.contentLength() > maxBytes) {
      throw new Rejected(413, v.t("error.upload.too-large", v.messages().size(maxBytes)));
    }
    UploadedFile f = ctx.uploadedFile("file");
    if (f == null || f.filename().isBlank()) {
      throw new Rejected(400, v.t("error.upload.missing"));
    }
    Path tmp = Files.createTempFile("handover-upload", ".upload");
    try (InputStream in = f.content()) {
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new Upload(tmp, f.filename());
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
