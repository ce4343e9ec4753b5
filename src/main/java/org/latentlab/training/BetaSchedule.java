package org.latentlab.training;

import java.util.Locale;

/**
 * How the KL weight β changes over training. Annealing β up from 0 lets the decoder learn to use z
 * before the KL term pulls every posterior onto the prior (one remedy for posterior collapse).
 *
 * <p>A schedule counts from the iteration at which it {@linkplain #start() starts}: 0 for a run
 * that had it from the beginning, later for one chosen in the middle of a run
 * ({@link TrainingSession#setSchedule}), so that a warm-up chosen at iteration 5,000 rises from 0
 * from then on instead of being over before it began.
 */
public sealed interface BetaSchedule {

    /** β at a given (0-based) iteration of the run; before {@link #start()} as at the start. */
    double betaAt(long iteration);

    /** The β the schedule rises to, and keeps (constant) or returns to (cyclical). */
    double target();

    /** The iteration of the run at which the schedule begins (always 0 for a constant β). */
    long start();

    /** The same shape of schedule with another target β, starting when this one did. */
    BetaSchedule withTarget(double beta);

    /** The same schedule beginning at {@code iteration}. */
    BetaSchedule startingAt(long iteration);

    /** A short text for the shape, without the start, that {@link #parse} reads back: {@code warmup:2000}. */
    String describe();

    /** β fixed for the whole run. */
    record Constant(double target) implements BetaSchedule {
        public Constant {
            requireBeta(target);
        }

        @Override public double betaAt(long iteration) { return target; }
        @Override public long start() { return 0; }
        @Override public BetaSchedule withTarget(double beta) { return new Constant(beta); }
        @Override public BetaSchedule startingAt(long iteration) { return this; }
        @Override public String describe() { return "constant"; }
    }

    /** β rises linearly from 0 to the target over {@code iterations} from its start, then stays. */
    record LinearWarmup(double target, long iterations, long start) implements BetaSchedule {
        public LinearWarmup {
            requireBeta(target);
            requirePositive(iterations, "warm-up length");
            requireStart(start);
        }

        /** A warm-up from the first iteration of the run. */
        public LinearWarmup(double target, long iterations) {
            this(target, iterations, 0);
        }

        @Override
        public double betaAt(long iteration) {
            return target * Math.min(1.0, (double) elapsed(iteration, start) / iterations);
        }

        @Override public BetaSchedule withTarget(double beta) { return new LinearWarmup(beta, iterations, start); }
        @Override public BetaSchedule startingAt(long iteration) { return new LinearWarmup(target, iterations, iteration); }
        @Override public String describe() { return "warmup:" + iterations; }
    }

    /**
     * Cyclical annealing (Fu et al. 2019): in each period of {@code period} iterations from its
     * start, β rises linearly from 0 to the target over the first half, then holds for the second.
     */
    record Cyclical(double target, long period, long start) implements BetaSchedule {
        public Cyclical {
            requireBeta(target);
            requirePositive(period, "cycle length");
            requireStart(start);
        }

        /** Cycles from the first iteration of the run. */
        public Cyclical(double target, long period) {
            this(target, period, 0);
        }

        @Override
        public double betaAt(long iteration) {
            double phase = (double) (elapsed(iteration, start) % period) / period;
            return target * Math.min(1.0, 2 * phase);
        }

        @Override public BetaSchedule withTarget(double beta) { return new Cyclical(beta, period, start); }
        @Override public BetaSchedule startingAt(long iteration) { return new Cyclical(target, period, iteration); }
        @Override public String describe() { return "cyclical:" + period; }
    }

    /**
     * Reads {@code constant}, {@code warmup:ITERATIONS} or {@code cyclical:ITERATIONS}, a schedule
     * starting at iteration 0.
     *
     * @throws IllegalArgumentException with a message naming the accepted forms
     */
    static BetaSchedule parse(String text, double beta) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", 2);
        try {
            switch (parts[0]) {
                case "constant":
                    if (parts.length == 1) {
                        return new Constant(beta);
                    }
                    break;
                case "warmup":
                    return new LinearWarmup(beta, parts.length == 1 ? 2000 : Long.parseLong(parts[1]));
                case "cyclical":
                    return new Cyclical(beta, parts.length == 1 ? 2000 : Long.parseLong(parts[1]));
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown β schedule '" + text
                + "': expected constant, warmup:ITERATIONS or cyclical:ITERATIONS");
    }

    private static long elapsed(long iteration, long start) {
        return Math.max(0, iteration - start);
    }

    private static void requireBeta(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("β must be a finite number ≥ 0, got " + beta);
        }
    }

    private static void requirePositive(long iterations, String what) {
        if (iterations < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 iteration, got " + iterations);
        }
    }

    private static void requireStart(long start) {
        if (start < 0) {
            throw new IllegalArgumentException("a schedule cannot start before iteration 0, got " + start);
        }
    }
}
