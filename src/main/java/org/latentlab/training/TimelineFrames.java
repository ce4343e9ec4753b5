package org.latentlab.training;

import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.Encoding;
import org.latentlab.model.SnapshotDecoder;

/**
 * Makes the frames of one timeline from captures, in order: puts the probe's means on the
 * scatter's plane (for more than two dimensions, that of their principal components, turned to
 * point as at the moment before), and decodes the grid on that plane, the strip's reconstructions
 * and the prior samples in one pass of the captured decoder, into 8-bit images.
 *
 * <p>Confined to the recorder's worker thread.
 */
final class TimelineFrames {

    private final TimelineLayout layout;
    private final LatentGrid grid;
    private final float[] priorDraws;
    private int[] strip;
    private LatentPlane previousPlane;

    TimelineFrames(TimelineLayout layout) {
        this.layout = layout;
        this.grid = layout.grid();
        this.priorDraws = PriorSamples.draw(layout.stripLength(), layout.latentSize(), TimelineLayout.PRIOR_SEED);
    }

    TimelineFrame frameOf(TimelineCapture capture) {
        Encoding encoding = capture.probe().encoding();
        int n = encoding.count();
        int d = encoding.latentSize();
        if (n != layout.probeCount() || d != layout.latentSize() || capture.decoder().latentSize() != d) {
            throw new IllegalArgumentException(n + " probe codes of " + d + " dimensions do not fit a timeline of "
                    + layout.probeCount() + " of " + layout.latentSize());
        }
        if (strip == null) {
            strip = capture.probe().oneOfEachClass(layout.reconstructionCount());
        }
        float[] means = encoding.means();
        LatentPlane plane = LatentPlane.forScatter(means, n, d, previousPlane);
        previousPlane = plane;
        float[] onPlane = plane.project(means, n);
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = onPlane[2 * i];
            ys[i] = onPlane[2 * i + 1];
        }
        int gridCount = layout.gridCount();
        int recCount = strip.length;
        int total = gridCount + recCount + layout.stripLength();
        float[] points = new float[total * d];
        System.arraycopy(grid.pointsOn(plane), 0, points, 0, gridCount * d);
        for (int k = 0; k < recCount; k++) {
            System.arraycopy(means, strip[k] * d, points, (gridCount + k) * d, d);
        }
        System.arraycopy(priorDraws, 0, points, (gridCount + recCount) * d, priorDraws.length);
        float[] images = new SnapshotDecoder(capture.decoder()).decode(points, total);
        return new TimelineFrame(xs, ys, plane, quantised(images, 0, gridCount), quantised(images, gridCount, recCount),
                quantised(images, gridCount + recCount, layout.stripLength()));
    }

    /** Images {@code first} to {@code first + count} of {@code images}, as 8-bit levels. */
    private TimelineImages quantised(float[] images, int first, int count) {
        return TimelineImages.quantised(images, first * layout.pixelsPerImage(), count, layout.imageWidth(),
                layout.imageHeight());
    }
}
