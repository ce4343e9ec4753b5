package org.latentlab.training;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How fast a trainer thread trains: as fast as it can, or a few iterations per second so that a
 * class can watch single steps. A slowed trainer waits between iterations on its command queue, so
 * a command still acts at once, and publishes a snapshot after every step.
 *
 * @param iterationsPerSecond 1 to {@value #MAX_ITERATIONS_PER_SECOND}, or 0 for full speed
 */
public record Pace(int iterationsPerSecond) {

    /** The fastest slowed pace; above it, snapshots after every step would cost more than the steps. */
    public static final int MAX_ITERATIONS_PER_SECOND = 100;
    /** As fast as the machine can train. */
    public static final Pace FULL = new Pace(0);
    /** What the window offers: full speed, 20, 5 and 1 iterations per second. */
    public static final List<Pace> CHOICES = List.of(FULL, new Pace(20), new Pace(5), new Pace(1));

    public Pace {
        if (iterationsPerSecond < 0 || iterationsPerSecond > MAX_ITERATIONS_PER_SECOND) {
            throw new IllegalArgumentException("a training pace is full speed (0) or 1 to " + MAX_ITERATIONS_PER_SECOND
                    + " iterations per second, got " + iterationsPerSecond);
        }
    }

    public boolean isFull() {
        return iterationsPerSecond == 0;
    }

    /** The time from one iteration's start to the next's; 0 at full speed. */
    long intervalNanos() {
        return isFull() ? 0 : TimeUnit.SECONDS.toNanos(1) / iterationsPerSecond;
    }

    /** "full speed", "5 it/s". */
    @Override
    public String toString() {
        return isFull() ? "full speed" : iterationsPerSecond + " it/s";
    }
}
