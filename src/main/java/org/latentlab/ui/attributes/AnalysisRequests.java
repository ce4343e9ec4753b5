package org.latentlab.ui.attributes;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.latentlab.data.Attributes;
import org.latentlab.training.LatentAnalysis;
import org.latentlab.training.ProbeSet;
import org.latentlab.ui.scatter.LatestWins;

/**
 * The Attributes panel's requests for its vectors and region: computed on a worker, latest request
 * wins, at most one at a time and, while the model trains, at most every
 * {@value #INTERVAL_MILLIS} ms; the attributes measured from a probe set's pixels are kept for the
 * next request on the same set. Confined to the JavaFX application thread (or a test's), except
 * the measuring, which runs on the worker.
 */
final class AnalysisRequests {

    static final long INTERVAL_MILLIS = 500;

    private record Measured(float[] pixels, Attributes attributes) {
    }

    private final LatestWins<LatentAnalysis> analyses;
    private final AtomicReference<Measured> measured = new AtomicReference<>();
    private long taken;
    private boolean due;
    private long askedAt;

    AnalysisRequests(Executor worker) {
        this.analyses = new LatestWins<>(worker);
    }

    /** New vectors are wanted: a new snapshot or new settings. */
    void markDue() {
        due = true;
    }

    /** Asks now, whatever is running. */
    void ask(ProbeSet probe, LatentAnalysis.Settings settings, long now) {
        due = false;
        askedAt = now;
        analyses.submit(() -> LatentAnalysis.compute(probe, measuredAttributes(probe), settings));
    }

    /** Asks if new vectors are due, none is being computed and the last was asked long enough ago. */
    void askIfDue(ProbeSet probe, LatentAnalysis.Settings settings, long now) {
        LatestWins.Outcome<LatentAnalysis> done = analyses.latest();
        boolean running = analyses.lastRequested() > (done == null ? 0 : done.id());
        if (due && !running && now - askedAt >= INTERVAL_MILLIS * 1_000_000L) {
            ask(probe, settings, now);
        }
    }

    /** The newest finished request not taken before (its vectors, or why it failed); {@code null} for none. */
    LatestWins.Outcome<LatentAnalysis> takeNew() {
        LatestWins.Outcome<LatentAnalysis> done = analyses.latest();
        if (done == null || done.id() <= taken) {
            return null;
        }
        taken = done.id();
        return done;
    }

    /** The attributes measured from the probe's pixels, once per probe set; on the worker. */
    private Attributes measuredAttributes(ProbeSet asked) {
        Measured cached = measured.get();
        if (cached != null && cached.pixels() == asked.pixels()) {
            return cached.attributes();
        }
        Attributes attributes = asked.attributes().isEmpty() ? LatentAnalysis.measure(asked) : Attributes.none();
        measured.set(new Measured(asked.pixels(), attributes));
        return attributes;
    }
}
