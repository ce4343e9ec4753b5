package org.latentlab.training;

import org.latentlab.latent.GridSpacing;
import org.latentlab.latent.LatentGrid;
import org.latentlab.model.ModelConfig;

/**
 * What every entry of one timeline holds, and so how large it is: the probe's points, a decoded
 * grid of {@code gridSize} × {@code gridSize} images at z = Φ⁻¹(u) (one row of {@code gridSize}
 * for a 1-D latent space), the reconstructions of up to {@code stripLength} probe images and
 * {@code stripLength} images decoded from the prior, all of {@code imageWidth × imageHeight} pixels.
 * The grid and the strips are those the window shows by default, so a replay looks like training did.
 *
 * @param probeCount      how many probe images the scatter shows
 * @param latentSize      the size of the latent points shown (z₂'s for a hierarchical VAE)
 * @param gridSize        the decoded grid's images across
 * @param stripLength     how many prior samples (and, at most, reconstructions)
 */
public record TimelineLayout(int probeCount, int latentSize, int imageWidth, int imageHeight, int gridSize,
                             int stripLength) {

    /** The grid the window shows by default (its Decoded grid view's size). */
    public static final int GRID_SIZE = 15;
    /** The strips the window shows. */
    public static final int STRIP_LENGTH = 12;
    /** The seed of the prior draws the window's sample strip starts with, and the timeline keeps. */
    public static final long PRIOR_SEED = 7;

    public TimelineLayout {
        if (probeCount < 0 || probeCount > TrainingSession.PROBE_LIMIT) {
            throw new IllegalArgumentException("a timeline shows 0 to " + TrainingSession.PROBE_LIMIT
                    + " probe images, not " + probeCount);
        }
        if (latentSize < 1 || latentSize > ModelConfig.MAX_LATENT_SIZE) {
            throw new IllegalArgumentException("a latent space of " + latentSize + " dimensions");
        }
        if (imageWidth < 1 || imageHeight < 1 || imageWidth > ModelConfig.MAX_IMAGE_SIDE
                || imageHeight > ModelConfig.MAX_IMAGE_SIDE) {
            throw new IllegalArgumentException("images of " + imageWidth + "×" + imageHeight + " pixels");
        }
        if (gridSize < LatentGrid.MIN_SIZE || gridSize > LatentGrid.MAX_SIZE) {
            throw new IllegalArgumentException("a decoded grid of " + gridSize + " images across");
        }
        if (stripLength < 1 || stripLength > 64) {
            throw new IllegalArgumentException("a strip of " + stripLength + " images");
        }
    }

    /** The layout the window and {@code train} record. */
    public static TimelineLayout standard(int probeCount, int latentSize, int imageWidth, int imageHeight) {
        return new TimelineLayout(probeCount, latentSize, imageWidth, imageHeight, GRID_SIZE, STRIP_LENGTH);
    }

    /** The grid whose images are recorded. */
    public LatentGrid grid() {
        return new LatentGrid(gridSize, GridSpacing.INVERSE_CDF);
    }

    /** Rows of the decoded grid: one for a 1-D latent space. */
    public int gridRows() {
        return latentSize == 1 ? 1 : gridSize;
    }

    public int gridCount() {
        return gridRows() * gridSize;
    }

    /** How many reconstructions: the strip's length, or fewer if the probe has fewer images. */
    public int reconstructionCount() {
        return Math.min(stripLength, probeCount);
    }

    public int pixelsPerImage() {
        return imageWidth * imageHeight;
    }

    /**
     * The most one entry takes in memory: its content unpacked (the entry itself holds it packed,
     * which is smaller) and its numbers. The timeline's memory budget counts this.
     */
    public long entryBytes() {
        return TimelineFrame.unpackedLength(this, latentSize > 2) + TimelineEntry.OVERHEAD_BYTES;
    }
}
