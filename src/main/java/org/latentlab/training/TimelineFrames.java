package org.latentlab.training;

import org.latentlab.latent.LatentGrid;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;

/**
 * Makes the frames of one timeline from captured weights, in order, with a copy of the model of
 * its own: encodes the probe images, puts their means on the scatter's plane (for more than two
 * dimensions, that of their principal components, turned to point as at the moment before), and
 * decodes the grid on that plane, the strip's reconstructions and the prior samples in one pass.
 * A conditional VAE encodes each probe image with its class and decodes the grid in the first
 * class, the strip in its images' classes and the prior samples in each class in turn.
 *
 * <p>Confined to the recorder's worker thread, which owns the model copy and its arrays.
 */
final class TimelineFrames {

    private final TimelineLayout layout;
    private final ModelConfig config;
    private final float[] probePixels;
    /** The probe's classes for a conditional model; {@code null} for the others. */
    private final int[] probeLabels;
    private final int[] strip;
    private final LatentGrid grid;
    private final float[] priorDraws;
    private LatentModel copy;
    private LatentPlane previousPlane;

    /**
     * @param probePixels the probe's images, {@code layout.probeCount()} of them; not copied, never written
     * @param probeLabels their classes, read only by a conditional model; not copied, never written
     * @param strip       the probe images whose reconstructions are kept, as the window's strip shows them
     */
    TimelineFrames(TimelineLayout layout, ModelConfig config, float[] probePixels, int[] probeLabels, int[] strip) {
        if (strip.length != layout.reconstructionCount()) {
            throw new IllegalArgumentException(strip.length + " images in the strip of a layout of "
                    + layout.reconstructionCount());
        }
        this.layout = layout;
        this.config = config;
        this.probePixels = probePixels;
        this.probeLabels = config.conditional() ? probeLabels : null;
        this.strip = strip.clone();
        this.grid = layout.grid();
        this.priorDraws = PriorSamples.draw(layout.stripLength(), layout.latentSize(), TimelineLayout.PRIOR_SEED);
    }

    /** How many weights and biases a capture holds. */
    long parameterCount() {
        return config.parameterCount();
    }

    TimelineFrame frameOf(TimelineCapture capture) {
        if (copy == null) {
            copy = LatentModel.create(config);
        }
        copy.loadParameters(capture.parameters());
        int n = layout.probeCount();
        int d = layout.latentSize();
        float[] means = copy.encode(probePixels, probeLabels, n).means();
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
        float[] images = copy.decode(points, labels(gridCount, recCount), total);
        return new TimelineFrame(xs, ys, plane, quantised(images, 0, gridCount), quantised(images, gridCount, recCount),
                quantised(images, gridCount + recCount, layout.stripLength()));
    }

    /**
     * The classes a conditional model decodes the frame's points in: the grid in the first class,
     * the strip in its images' own, the prior samples in each class in turn; {@code null} for the others.
     */
    private int[] labels(int gridCount, int recCount) {
        if (probeLabels == null) {
            return null;
        }
        int[] labels = new int[gridCount + recCount + layout.stripLength()];
        for (int k = 0; k < recCount; k++) {
            labels[gridCount + k] = probeLabels[strip[k]];
        }
        for (int k = 0; k < layout.stripLength(); k++) {
            labels[gridCount + recCount + k] = k % config.conditionClasses();
        }
        return labels;
    }

    /** Images {@code first} to {@code first + count} of {@code images}, as 8-bit levels. */
    private TimelineImages quantised(float[] images, int first, int count) {
        return TimelineImages.quantised(images, first * layout.pixelsPerImage(), count, layout.imageWidth(),
                layout.imageHeight());
    }
}
