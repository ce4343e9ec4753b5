package org.latentlab.ui.outliers;

import java.util.List;
import java.util.function.Consumer;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;

/**
 * Reads the model being trained at one moment, off the JavaFX thread: encodes sets of images and
 * copies the decoder, both between the same two iterations (the explorer runs it on the trainer
 * thread, as it encodes drawings), so that every number scored from one reading is of one model.
 */
@FunctionalInterface
public interface ModelReader {

    /**
     * Images to encode.
     *
     * @param pixels their pixels, one image after another
     * @param labels their classes, which only a conditional VAE's encoder reads ({@code null}: none)
     * @param count  how many images
     */
    record Images(float[] pixels, int[] labels, int count) {
    }

    /**
     * The model at one moment.
     *
     * @param decoder   a copy of its decoder
     * @param encodings each set's posteriors q(z|x), in the order asked
     * @param iteration the training iterations it had made
     */
    record Reading(DecoderWeights decoder, List<Encoding> encodings, long iteration) {

        public Reading {
            encodings = List.copyOf(encodings);
        }
    }

    /**
     * Asks for {@code sets} to be encoded with the model as it is now; {@code done} is called later,
     * on another thread.
     *
     * @return {@code false} if there is no model to ask (then {@code done} is never called)
     */
    boolean read(List<Images> sets, Consumer<Reading> done);
}
