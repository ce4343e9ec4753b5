package org.latentlab.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/** What the training benchmarks share: a trainer run to its end, and the CPU time of named threads. */
final class TrainerRuns {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrainerRuns() {
    }

    /**
     * Starts {@code trainer} and waits until it has finished its epochs.
     *
     * @return {wall seconds, CPU seconds of the trainer thread} from start to finish
     */
    static double[] trainToTheEnd(Trainer trainer) throws InterruptedException {
        double trainerBefore = cpuOf("latent-lab-trainer");
        long start = System.nanoTime();
        trainer.train();
        while (trainer.latest().state() != TrainerState.FINISHED) {
            Thread.sleep(2);
        }
        return new double[] {(System.nanoTime() - start) / 1e9, cpuOf("latent-lab-trainer") - trainerBefore};
    }

    /** The CPU seconds of the live threads of this name (0 when there is none). */
    static double cpuOf(String name) {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total / 1e9;
    }
}
