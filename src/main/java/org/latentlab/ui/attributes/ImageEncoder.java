package org.latentlab.ui.attributes;

import java.util.function.Consumer;
import org.latentlab.model.Encoding;

/**
 * Encodes one image with the model being trained, off the JavaFX thread (the explorer runs it on
 * the trainer thread between two iterations, docs/decisions/0050).
 */
@FunctionalInterface
public interface ImageEncoder {

    /**
     * Asks for {@code pixels} to be encoded; {@code done} is called later, on another thread, with
     * its posterior.
     *
     * @return {@code false} if there is no model to ask (then {@code done} is never called)
     */
    boolean encode(float[] pixels, Consumer<Encoding> done);
}
