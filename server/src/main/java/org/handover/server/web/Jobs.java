package org.handover.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long work started from a page (a match run, a duplicate search) runs here, one at a time beside
 * the requests, so that the page answers at once and comes back to it: the job's page shows its
 * step until it is done, then sends the user to the result.
 *
 * <pre>{@code
 * Jobs.Job job = jobs.start(user.id(), "job.match", step -> "/matches/" + matching.run(...).id());
 * ctx.redirect("/jobs/" + job.id());
 * }</pre>
 */
public final class Jobs {
  private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
  static final int KEPT = 200;

  /** The work: told each step by its message key, it returns where its result is shown. */
  public interface Work {
    String run(Steps step) throws Exception;
  }

  /** What the work tells its page: each step by its message key, and how far the step is. */
  public interface Steps extends Consumer<String> {
    void at(int done, int of);
  }

  /** A job as its page shows it; {@code result} is set when done, {@code error} when it failed. */
  public static final class Job {
    private final long id;
    private final long owner;
    private final String title;
    private final long startedMillis;
    private volatile String step = "job.waiting";
    private volatile long progress; // done in the high half, of how many in the low, for the step
    private volatile String result;
    private volatile RuntimeException error;

    Job(long id, long owner, String title, long startedMillis) {
      this.id = id;
      this.owner = owner;
      this.title = title;
      this.startedMillis = startedMillis;
    }

    public long id() {
      return id;
    }

    public String title() {
      return title;
    }

    public String step() {
      return step;
    }

    /** How much of the step is done, 0 when it does not tell. */
    public int done() {
      return (int) (progress >>> 32);
    }

    /** Of how much, 0 when the step does not tell. */
    public int of() {
      return (int) progress;
    }

    public long startedMillis() {
      return startedMillis;
    }

    public Optional<String> result() {
      return Optional.ofNullable(result);
    }

    public Optional<RuntimeException> error() {
      return Optional.ofNullable(error);
    }

    public boolean running() {
      return result == null && error == null;
    }
  }

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "handover-job");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Job> jobs = new LinkedHashMap<>();

  /** Starts the work for a user; a {@link Failed} is shown on its page in the user's words. */
  public synchronized Job start(long owner, String title, Work work) {
    Job job = new Job(ids.incrementAndGet(), owner, title, System.currentTimeMillis());
    jobs.put(job.id(), job);
    // the oldest finished jobs make room; one still running is never forgotten
    var oldest = jobs.values().iterator();
    while (jobs.size() > KEPT && oldest.hasNext()) {
      if (!oldest.next().running()) {
        oldest.remove();
      }
    }
    worker.execute(
        () -> {
          try {
            job.result =
                work.run(
                    new Steps() {
                      @Override
                      public synchronized void accept(String s) {
                        job.progress = 0;
                        job.step = s;
                      }

                      // told from several threads: a share told late does not take it back
                      @Override
                      public synchronized void at(int done, int of) {
                        if (done > job.done()) {
                          job.progress = ((long) done << 32) | (of & 0xffffffffL);
                        }
                      }
                    });
          } catch (Failed e) {
            job.error = e;
          } catch (Throwable e) {
            // out of memory on a large list included: the page says so instead of waiting forever
            LOG.error("job {} ({}) failed", job.id(), job.title(), e);
            job.error =
                new IllegalStateException(
                    e instanceof OutOfMemoryError ? "error.out-of-memory-web" : "error.internal",
                    e);
          }
        });
    return job;
  }

  /** A job of this user (another's is not found). */
  public synchronized Optional<Job> find(long id, long owner) {
    Job j = jobs.get(id);
    return j != null && j.owner == owner ? Optional.of(j) : Optional.empty();
  }

  /** A failure the job's page tells in the user's words: its message is a message key. */
  public static final class Failed extends RuntimeException {
    public Failed(String key, Throwable cause) {
      super(key, cause);
    }
  }
}
