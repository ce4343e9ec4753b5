package org.latentlab.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Summaries of measured durations for the window benchmarks' reports. */
final class Timings {

    static final long SLOW_NANOS = 50_000_000L;

    private Timings() {
    }

    /** "what: n samples, median …, p95 …, p99 …, max … ms, over 50 ms: k". */
    static String summary(String what, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return what + ": no samples";
        }
        return String.format(Locale.ROOT, "%s: %d samples, median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, "
                        + "over 50 ms: %d", what, sorted.length, percentile(sorted, 0.5) / 1e6,
                percentile(sorted, 0.95) / 1e6, percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).filter(t -> t > SLOW_NANOS).count());
    }

    /** The value below which a share {@code p} of the sorted samples lie (nearest rank). */
    static double percentile(long[] sorted, double p) {
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[index];
    }
}
