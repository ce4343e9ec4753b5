package org.latentlab.training;

import org.latentlab.data.Dataset;
import org.latentlab.latent.PcaBaseline;
import org.latentlab.model.Encoding;

/**
 * The compare lab's linear baseline: PCA to two standardised components, fitted to the probe
 * images, and where it puts those same images. It does not train, so it is made once per
 * comparison. Immutable.
 *
 * @param pca   the fitted baseline, which also decodes codes back into images
 * @param probe the probe images' codes (as posterior-free means), labels and class names
 */
public record LinearBaseline(PcaBaseline pca, ProbeSet probe) {

    /**
     * Fits the baseline to the probe images of sessions on {@code validation} (its first
     * {@value TrainingSession#PROBE_LIMIT} images); {@code null} if there are fewer than two.
     */
    public static LinearBaseline of(Dataset validation) {
        int count = Math.min(TrainingSession.PROBE_LIMIT, validation.size());
        if (count < 2) {
            return null;
        }
        float[] pixels = validation.pixels(count);
        PcaBaseline pca = PcaBaseline.fit(pixels, count, validation.pixelCount());
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = validation.label(i);
        }
        Encoding codes = new Encoding(pca.encode(pixels, count), null, count, PcaBaseline.COMPONENTS);
        return new LinearBaseline(pca, new ProbeSet(codes, pixels, validation.width(), validation.height(), labels,
                validation.classNames()));
    }
}
