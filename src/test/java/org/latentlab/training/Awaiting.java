package org.latentlab.training;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a trainer's latest snapshot until a condition holds, failing after a generous limit. */
final class Awaiting {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Awaiting() {
    }

    static <S> S until(Supplier<S> latest, Predicate<S> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            S snapshot = latest.get();
            if (condition.test(snapshot)) {
                return snapshot;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not reached in " + PATIENCE + "; last snapshot: " + latest.get());
    }
}
