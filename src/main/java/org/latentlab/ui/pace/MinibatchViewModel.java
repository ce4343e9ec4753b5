package org.latentlab.ui.pace;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.training.Minibatch;
import org.latentlab.training.TrainingSnapshot;

/**
 * The minibatch of the step just taken, for watching training one step at a time: the first
 * images the step trained on and their reconstructions just after it, with a caption saying which
 * step it was. Follows each snapshot; a snapshot without a minibatch (full speed, or no step yet)
 * clears it. Uses {@code javafx.beans} only; confined to the JavaFX application thread.
 */
public final class MinibatchViewModel {

    /** The caption before the first step, and at full speed. */
    public static final String NO_STEP_YET = "Each step's minibatch will show here: press Step (S) or Train.";

    private final ReadOnlyObjectWrapper<Minibatch> minibatch = new ReadOnlyObjectWrapper<>(this, "minibatch");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", NO_STEP_YET);

    /** Shows {@code snapshot}'s minibatch, or none. */
    public void update(TrainingSnapshot snapshot) {
        Minibatch batch = snapshot.minibatch().orElse(null);
        minibatch.set(batch);
        caption.set(batch == null ? NO_STEP_YET : caption(batch));
    }

    static String caption(Minibatch batch) {
        String which = batch.shown() == batch.batchSize()
                ? String.format(Locale.ROOT, "its %d images", batch.batchSize())
                : String.format(Locale.ROOT, "the first %d of its %d images", batch.shown(), batch.batchSize());
        return String.format(Locale.ROOT, "Step %,d: %s, and under them the model's reconstructions just after the "
                + "step.", batch.iteration(), which);
    }

    /** The last step's images and reconstructions; {@code null} when there is none to show. */
    public ReadOnlyObjectProperty<Minibatch> minibatchProperty() {
        return minibatch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
