package org.latentlab.training;

/**
 * The images of the minibatch a step trained on (its first few), with the model's reconstructions
 * of them just after the step: for watching training one step at a time. Immutable: the arrays are
 * made for it and nobody writes to them.
 *
 * @param iteration       the step, counted from 1
 * @param batchSize       how many images the step trained on
 * @param shown           how many of them are here (the first ones)
 * @param images          {@code shown} images, row-major, {@code imageWidth × imageHeight} intensities each
 * @param reconstructions the same images encoded to their posterior means and decoded, after the step
 */
public record Minibatch(long iteration, int batchSize, int shown, float[] images, float[] reconstructions,
                        int imageWidth, int imageHeight) {

    public Minibatch {
        int values = shown * imageWidth * imageHeight;
        if (shown < 1 || shown > batchSize || images.length != values || reconstructions.length != values) {
            throw new IllegalArgumentException(shown + " of " + batchSize + " images of " + imageWidth + "×"
                    + imageHeight + " need " + values + " values each for the images and the reconstructions, got "
                    + images.length + " and " + reconstructions.length);
        }
    }
}
