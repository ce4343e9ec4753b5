package org.latentlab.training;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link TrainerClock} that moves only when a test {@linkplain #advance advances} it, so that a
 * test of pacing counts iterations per second of this clock, whatever the machine's load. The
 * trainer thread waiting on it looks at its command queue every millisecond of real time and says
 * until when it waits, so that a test can tell when the trainer has caught up with the clock.
 */
final class ManualClock implements TrainerClock {

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private long now; // guarded by this
    /** The deadline the trainer waits for, or Long.MIN_VALUE while it is not waiting; guarded by this. */
    private long waitingUntil = Long.MIN_VALUE;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public Runnable awaitCommand(BlockingQueue<Runnable> commands, long deadlineNanos) throws InterruptedException {
        try {
            while (true) {
                synchronized (this) {
                    if (now >= deadlineNanos) {
                        return null;
                    }
                    waitingUntil = deadlineNanos;
                    notifyAll();
                }
                Runnable command = commands.poll(1, TimeUnit.MILLISECONDS);
                if (command != null) {
                    return command;
                }
            }
        } finally {
            synchronized (this) {
                waitingUntil = Long.MIN_VALUE;
            }
        }
    }

    /**
     * Moves the clock on by {@code nanos}, then waits (in real time) until the trainer has taken
     * every iteration due by now and waits for a later one. Only for a trainer that is training at
     * a slowed pace.
     */
    synchronized void advance(long nanos) throws InterruptedException {
        now += nanos;
        long giveUp = System.nanoTime() + PATIENCE_NANOS;
        while (waitingUntil <= now) {
            long left = giveUp - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the trainer did not catch up with the clock at " + now + " ns");
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
    }
}
