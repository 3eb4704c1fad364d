package org.handover.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A job tells its page its step and how far the step is; a new step starts from nothing. */
class JobsTest {
  @Test
  @Timeout(30)
  void aJobShowsHowFarItsStepIsAndANewStepStartsAfresh() throws Exception {
    Jobs jobs = new Jobs();
    CountDownLatch told = new CountDownLatch(1);
    CountDownLatch stepped = new CountDownLatch(1);
    CountDownLatch store = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    Jobs.Job job =
        jobs.start(
            1,
            "job.match",
            step -> {
              step.accept("job.match.comparing");
              step.at(123_456, 416_532);
              told.countDown();
              store.await();
              step.accept("job.match.storing");
              stepped.countDown();
              finish.await();
              return "/matches/1";
            });
    assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(job.step()).isEqualTo("job.match.comparing");
    assertThat(job.done()).isEqualTo(123_456);
    assertThat(job.of()).isEqualTo(416_532);
    store.countDown();
    assertThat(stepped.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(job.step()).isEqualTo("job.match.storing");
    assertThat(job.of()).isZero();
    finish.countDown();
    while (job.running()) {
      Thread.sleep(10);
    }
    assertThat(job.result()).hasValue("/matches/1");
  }
}
