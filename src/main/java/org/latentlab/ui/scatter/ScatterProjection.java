package org.latentlab.ui.scatter;

import java.util.Locale;
import org.latentlab.latent.Pca;
import org.latentlab.model.Encoding;
import org.latentlab.training.ProbeSet;

/**
 * Puts a probe set's latent means on a plane: the latent space itself when it has two dimensions
 * (one: z₁ against 0), otherwise its first two principal components, said so on the axes and in a
 * note with the share of variance they keep.
 */
final class ScatterProjection {

    private static final int PCA_FIT_LIMIT = 2_000;

    private ScatterProjection() {
    }

    /**
     * @param previous the plane shown before, whose principal axes keep their direction when the
     *                 new fit finds the same axes with the opposite sign; {@code null} for none
     */
    static ScatterPoints of(ProbeSet probe, ScatterPoints previous) {
        Encoding encoding = probe.encoding();
        int d = encoding.latentSize();
        int n = encoding.count();
        float[] xs = new float[n];
        float[] ys = new float[n];
        if (d <= 2) {
            for (int i = 0; i < n; i++) {
                xs[i] = encoding.mean(i, 0);
                ys[i] = d == 2 ? encoding.mean(i, 1) : 0;
            }
            double[] identity = d == 2 ? new double[] {1, 0, 0, 1} : new double[] {1, 0};
            return new ScatterPoints(xs, ys, probe.labels(), probe.classNames(), "z₁", d == 2 ? "z₂" : "",
                    "", identity, new double[d]);
        }
        // The axes are fitted to a subset, which finds the same directions at a fraction of the cost.
        Pca pca = Pca.fit(encoding.means(), Math.min(n, PCA_FIT_LIMIT), d, 2);
        double[] projection = new double[2 * d];
        for (int c = 0; c < 2; c++) {
            double[] component = pca.component(c);
            if (previous != null && previous.latentSize() == d && !previous.isRawLatentPlane()) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += component[j] * previous.projection()[c * d + j];
                }
                if (dot < 0) {
                    for (int j = 0; j < d; j++) {
                        component[j] = -component[j];
                    }
                }
            }
            System.arraycopy(component, 0, projection, c * d, d);
        }
        double[] mean = pca.mean();
        for (int i = 0; i < n; i++) {
            double x = 0;
            double y = 0;
            for (int j = 0; j < d; j++) {
                double centred = encoding.mean(i, j) - mean[j];
                x += projection[j] * centred;
                y += projection[d + j] * centred;
            }
            xs[i] = (float) x;
            ys[i] = (float) y;
        }
        String note = String.format(Locale.ROOT,
                "%d-D latent space shown by PCA of the means: PC 1 and PC 2 keep %.0f %% of their variance",
                d, 100 * (pca.explainedVarianceRatio(0) + pca.explainedVarianceRatio(1)));
        return new ScatterPoints(xs, ys, probe.labels(), probe.classNames(), "PC 1", "PC 2", note, projection, mean);
    }
}
