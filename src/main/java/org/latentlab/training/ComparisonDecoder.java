package org.latentlab.training;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.SnapshotDecoder;

/**
 * Decodes what the compare lab shows from a {@link CompareSnapshot}: for every panel, images from
 * prior samples (the same z for every model, so the panels differ only by their decoders) and a
 * grid over its latent space; and the same for the PCA baseline. Works from the snapshots' copies
 * of the decoders, never from the weights being trained.
 *
 * <p>Confined to the thread that decodes (a decoder thread, or the FX thread for a small strip):
 * it keeps one {@link SnapshotDecoder} per decoder copy it has seen last, and its buffers.
 */
public final class ComparisonDecoder {

    private Map<DecoderWeights, SnapshotDecoder> decoders = new IdentityHashMap<>();

    /**
     * {@code count} images per panel decoded from z ~ N(0, I) drawn with {@code seed}, in panel
     * order; each {@code count × pixels}, row-major, intensities in [0, 1].
     */
    public List<float[]> priorSamples(CompareSnapshot snapshot, int count, long seed) {
        List<float[]> images = new ArrayList<>();
        Map<DecoderWeights, SnapshotDecoder> current = new IdentityHashMap<>();
        for (VariantSnapshot panel : snapshot.variants()) {
            SnapshotDecoder decoder = decoderFor(panel.training().decoder(), current);
            images.add(decoder.decode(PriorSamples.draw(count, decoder.weights().latentSize(), seed), count));
        }
        decoders = current;
        return images;
    }

    /**
     * Each panel's latent space decoded at the points of {@code grid}, in panel order: on the
     * plane of (z₁, z₂), or for a latent space of more than two dimensions on the plane of its
     * probe means' two leading principal components ({@link LatentPlane}). Each image list is
     * {@code size² × pixels}, rows from the top as {@link LatentGrid#points} orders them.
     */
    public List<float[]> grids(CompareSnapshot snapshot, LatentGrid grid) {
        int count = grid.size() * grid.size();
        float[] onPlane = grid.points(2, 0, 1);
        List<float[]> images = new ArrayList<>();
        Map<DecoderWeights, SnapshotDecoder> current = new IdentityHashMap<>();
        for (VariantSnapshot panel : snapshot.variants()) {
            SnapshotDecoder decoder = decoderFor(panel.training().decoder(), current);
            images.add(decoder.decode(planeOf(panel).embed(onPlane, count), count));
        }
        decoders = current;
        return images;
    }

    /** The plane a panel's latent space is drawn on: see {@link LatentPlane#principal}. */
    public static LatentPlane planeOf(VariantSnapshot panel) {
        Encoding probe = panel.training().probe().encoding();
        return LatentPlane.principal(probe.means(), probe.count(), probe.latentSize());
    }

    /** The PCA baseline's images at {@code count} prior samples drawn with {@code seed}; {@code null} without a baseline. */
    public static float[] baselinePriorSamples(CompareSnapshot snapshot, int count, long seed) {
        LinearBaseline baseline = snapshot.baseline();
        return baseline == null ? null : baseline.pca().decode(PriorSamples.draw(count, 2, seed), count);
    }

    /** The PCA baseline decoded at the points of {@code grid}; {@code null} without a baseline. */
    public static float[] baselineGrid(CompareSnapshot snapshot, LatentGrid grid) {
        LinearBaseline baseline = snapshot.baseline();
        return baseline == null ? null : baseline.pca().decode(grid.points(2, 0, 1), grid.size() * grid.size());
    }

    private SnapshotDecoder decoderFor(DecoderWeights weights, Map<DecoderWeights, SnapshotDecoder> current) {
        SnapshotDecoder decoder = decoders.get(weights);
        if (decoder == null) {
            decoder = new SnapshotDecoder(weights);
        }
        current.put(weights, decoder);
        return decoder;
    }
}
