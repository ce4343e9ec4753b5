package org.latentlab.ui.scatter;

import java.util.concurrent.Executor;
import org.latentlab.training.ProbeSet;
import org.latentlab.ui.FailureMessage;

/**
 * A scatter's points, projected off the JavaFX thread: a latent space of more than two dimensions
 * is put on the plane of its means' principal components ({@link ScatterProjection}), a PCA that
 * may take many iterations, so a worker does it, latest request wins, and the newest result is
 * taken up in a frame. One or two dimensions need no PCA and are projected at once. Results made
 * for an earlier set of images are dropped. Confined to the JavaFX application thread (or a test's).
 */
public final class BackgroundProjection {

    /** What the worker made, and for which set of images. */
    private record Projected(long set, ScatterPoints points) {
    }

    private final LatestWins<Projected> work;
    /** Counts the sets of images asked for; the worker's results carry the count of theirs. */
    private long set;
    private int latentSize;
    private long taken;
    private String problem;

    /** @param worker where the principal planes are fitted */
    public BackgroundProjection(Executor worker) {
        this.work = new LatestWins<>(worker);
    }

    /**
     * Asks for the points of {@code probe}.
     *
     * @param newSet   whether its images are other than those asked for last: then no earlier result
     *                 is shown (nor one of another latent size)
     * @param previous the points shown now, whose axes' sense a refitted plane keeps; {@code null} for none
     * @return the points at once when no PCA is needed; {@code null} when they come later from {@link #take()}
     */
    public ScatterPoints request(ProbeSet probe, boolean newSet, ScatterPoints previous) {
        int d = probe.encoding().latentSize();
        if (newSet || d != latentSize) {
            set++;
            latentSize = d;
        }
        if (d <= 2) {
            return ScatterProjection.of(probe, null);
        }
        long asked = set;
        ScatterPoints alignTo = newSet ? null : previous;
        work.submit(() -> new Projected(asked, ScatterProjection.of(probe, alignTo)));
        return null;
    }

    /**
     * The newest points the worker has made for the current set of images since the last call;
     * {@code null} if there are none (yet). A failure is kept in {@link #problem()}.
     */
    public ScatterPoints take() {
        LatestWins.Outcome<Projected> done = work.latest();
        if (done == null || done.id() <= taken) {
            return null;
        }
        taken = done.id();
        if (done.failure() != null) {
            problem = "Could not place the latent codes on a plane: " + FailureMessage.of(done.failure());
            return null;
        }
        Projected made = done.value();
        if (made == null || made.set() != set) {
            return null;
        }
        problem = null;
        return made.points();
    }

    /** Why the last projection failed; {@code null} when it did not. */
    public String problem() {
        return problem;
    }
}
