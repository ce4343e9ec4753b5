package org.latentlab.ui.scatter;

import java.util.List;
import java.util.Locale;
import org.latentlab.latent.LatentPlane;
import org.latentlab.model.Encoding;
import org.latentlab.training.ProbeSet;

/**
 * Puts a probe set's latent means on a plane: the latent space itself when it has two dimensions
 * (one: z₁ against 0), otherwise the plane through the origin of their two leading principal
 * components, whose axes keep their direction from one snapshot to the next. The prior's shadow on
 * such a plane is again N(0, I₂), so its circles still mean what they say.
 *
 * <p>The PCA can take many iterations: call it off the JavaFX thread ({@link BackgroundProjection}).
 */
public final class ScatterProjection {

    private ScatterProjection() {
    }

    /** @param previous the points shown before, whose plane the new one keeps the sense of; or {@code null} */
    public static ScatterPoints of(ProbeSet probe, ScatterPoints previous) {
        return of(probe.encoding(), probe.labels(), probe.classNames(), previous);
    }

    /**
     * Puts {@code encoding}'s means on a plane, each point of class {@code labels[i]} (−1: none).
     *
     * @param previous the points shown before, whose plane the new one keeps the sense of; or {@code null}
     */
    public static ScatterPoints of(Encoding encoding, int[] labels, List<String> classNames, ScatterPoints previous) {
        int d = encoding.latentSize();
        int n = encoding.count();
        LatentPlane plane = LatentPlane.forScatter(encoding.means(), n, d, previous == null ? null : previous.plane());
        float[] coordinates = plane.project(encoding.means(), n);
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = coordinates[2 * i];
            ys[i] = coordinates[2 * i + 1];
        }
        String note = plane.isPrincipal()
                ? String.format(Locale.ROOT, "%d-D latent space seen on the plane of the means' two principal components, "
                        + "which holds %.0f %% of their spread", d, 100 * shareOfSpread(encoding, xs, ys))
                : "";
        if (!plane.converged()) {
            note += ". The PCA did not converge: this may not be the plane of the two largest spreads";
        }
        return new ScatterPoints(xs, ys, labels, classNames, plane, note);
    }

    /** The variance of the points on the plane over the total variance of the means. */
    private static double shareOfSpread(Encoding encoding, float[] xs, float[] ys) {
        int n = encoding.count();
        int d = encoding.latentSize();
        double total = 0;
        for (int j = 0; j < d; j++) {
            total += variance(encoding.means(), j, d, n);
        }
        double onPlane = variance(xs, 0, 1, n) + variance(ys, 0, 1, n);
        return total > 0 ? Math.min(1, onPlane / total) : 0;
    }

    private static double variance(float[] values, int offset, int stride, int n) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i * stride + offset];
            sum += v;
            squares += v * v;
        }
        double mean = sum / n;
        return Math.max(0, squares / n - mean * mean);
    }
}
