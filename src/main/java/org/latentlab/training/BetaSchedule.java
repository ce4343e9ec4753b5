package org.latentlab.training;

import java.util.Locale;

/**
 * How the KL weight β changes over training. Annealing β up from 0 lets the decoder learn to use z
 * before the KL term pulls every posterior onto the prior (one remedy for posterior collapse).
 */
public sealed interface BetaSchedule {

    /** β at a given (0-based) iteration. */
    double betaAt(long iteration);

    /** The β the schedule rises to, and keeps (constant) or returns to (cyclical). */
    double target();

    /** The same shape of schedule with another target β. */
    BetaSchedule withTarget(double beta);

    /** A short text that {@link #parse} reads back, e.g. {@code warmup:2000}. */
    String describe();

    /** β fixed for the whole run. */
    record Constant(double target) implements BetaSchedule {
        public Constant {
            requireBeta(target);
        }

        @Override public double betaAt(long iteration) { return target; }
        @Override public BetaSchedule withTarget(double beta) { return new Constant(beta); }
        @Override public String describe() { return "constant"; }
    }

    /** β rises linearly from 0 to the target over the first {@code iterations}, then stays. */
    record LinearWarmup(double target, long iterations) implements BetaSchedule {
        public LinearWarmup {
            requireBeta(target);
            requirePositive(iterations, "warm-up length");
        }

        @Override
        public double betaAt(long iteration) {
            return target * Math.min(1.0, (double) iteration / iterations);
        }

        @Override public BetaSchedule withTarget(double beta) { return new LinearWarmup(beta, iterations); }
        @Override public String describe() { return "warmup:" + iterations; }
    }

    /**
     * Cyclical annealing (Fu et al. 2019): in each period of {@code period} iterations β rises
     * linearly from 0 to the target over the first half, then holds for the second half.
     */
    record Cyclical(double target, long period) implements BetaSchedule {
        public Cyclical {
            requireBeta(target);
            requirePositive(period, "cycle length");
        }

        @Override
        public double betaAt(long iteration) {
            double phase = (double) (iteration % period) / period;
            return target * Math.min(1.0, 2 * phase);
        }

        @Override public BetaSchedule withTarget(double beta) { return new Cyclical(beta, period); }
        @Override public String describe() { return "cyclical:" + period; }
    }

    /**
     * Reads {@code constant}, {@code warmup:ITERATIONS} or {@code cyclical:ITERATIONS}.
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
}
