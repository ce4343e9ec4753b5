package org.latentlab.training;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Time as a {@link TrainerThread} sees it when it paces training and measures its speed: the
 * system's monotonic clock, or in tests a clock that moves only when told, so that a test of
 * pacing does not depend on how busy the machine is.
 */
interface TrainerClock {

    /** The system's monotonic clock, {@link System#nanoTime()}. */
    TrainerClock SYSTEM = new TrainerClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Runnable awaitCommand(BlockingQueue<Runnable> commands, long deadlineNanos) throws InterruptedException {
            return commands.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    };

    /** Now, in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /**
     * Waits, holding no lock, until a command arrives or this clock reaches {@code deadlineNanos},
     * whichever comes first.
     *
     * @return the command, or {@code null} when the deadline came first
     */
    Runnable awaitCommand(BlockingQueue<Runnable> commands, long deadlineNanos) throws InterruptedException;
}
