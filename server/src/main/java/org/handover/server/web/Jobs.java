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
    String run(Consumer<String> step) throws Exception;
  }

  /** A job as its page shows it; {@code result} is set when done, {@code error} when it failed. */
  public static final class Job {
    private final long id;
    private final long owner;
    private final String title;
    private final long startedMillis;
    private volatile String step = "job.waiting";
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

  /** Starts the work for a user; its failure, an IllegalArgumentException, is shown on its page. */
  public synchronized Job start(long owner, String title, Work work) {
    Job job = new Job(ids.incrementAndGet(), owner, title, System.currentTimeMillis());
    jobs.put(job.id(), job);
    while (jobs.size() > KEPT) {
      jobs.remove(jobs.keySet().iterator().next());
    }
    worker.submit(
        () -> {
          try {
            job.result = work.run(s -> job.step = s);
          } catch (RuntimeException e) {
            job.error = e;
          } catch (Exception e) {
            job.error = new IllegalStateException(e.getMessage(), e);
          } finally {
            if (job.error != null && !(job.error instanceof IllegalArgumentException)) {
              LOG.error("job {} ({}) failed", job.id(), job.title(), job.error);
            }
          }
        });
    return job;
  }

  /** A job of this user (another's is not found). */
  public synchronized Optional<Job> find(long id, long owner) {
    Job j = jobs.get(id);
    return j != null && j.owner == owner ? Optional.of(j) : Optional.empty();
  }

  /** The user's jobs still running, newest first: what the pages come back to. */
  public synchronized java.util.List<Job> running(long owner) {
    java.util.List<Job> out = new java.util.ArrayList<>();
    jobs.values()
        .forEach(
            j -> {
              if (j.owner == owner && j.running()) {
                out.add(0, j);
              }
            });
    return out;
  }

  public void close() {
    worker.shutdownNow();
  }
}
