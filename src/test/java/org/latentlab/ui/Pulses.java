package org.latentlab.ui;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** For view-model tests without a toolkit: pulses a view-model, as frames would, until something holds. */
public final class Pulses {

    private static final long PATIENCE_NANOS = 30_000_000_000L;

    private Pulses() {
    }

    /**
     * Calls {@code pulse} every few milliseconds until {@code condition} holds; fails after 30 s,
     * naming {@code what} and the view-model's {@code status}.
     */
    public static void until(String what, Runnable pulse, BooleanSupplier condition, Supplier<String> status)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (System.nanoTime() < deadline) {
            pulse.run();
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("not reached in time: " + what + "; status: " + status.get());
    }
}
