package org.latentlab.ui.loss;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.latentlab.training.DecoderStdCourse;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.TrainingSnapshot;

/**
 * The small chart of a learned decoder σ beside the loss chart's readout: σ per epoch (per pixel,
 * its mean and range), the held-out residual's RMS that a shared σ goes to, and the per-pixel σ map
 * now. Nothing while σ is fixed. Uses {@code javafx.beans} only; confined to the JavaFX application
 * thread (or a test's thread).
 */
public final class DecoderStdViewModel {

    private final ReadOnlyObjectWrapper<DecoderStdCourse> course = new ReadOnlyObjectWrapper<>(this, "course");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "");
    private int shownSteps = -1;
    private int shownEpochs = -1;

    /** Takes a new snapshot; recomputes the course only when it brought new steps or epochs. */
    public void update(TrainingSnapshot snapshot) {
        if (!snapshot.modelConfig().decoderVariance().learned() || snapshot.iterations().size() == 0) {
            shownSteps = -1;
            course.set(null);
            caption.set("");
            return;
        }
        int steps = snapshot.iterations().size();
        if (steps == shownSteps && snapshot.epochs().size() == shownEpochs && course.get() != null) {
            return;
        }
        shownSteps = steps;
        shownEpochs = snapshot.epochs().size();
        DecoderStdCourse next = DecoderStdCourse.of(snapshot.iterations(), snapshot.epochs(), snapshot.epochProgress(),
                snapshot.decoder().pixelStds(), snapshot.modelConfig().imageWidth(),
                snapshot.modelConfig().imageWidth() * snapshot.modelConfig().imageHeight());
        course.set(next);
        caption.set(captionOf(next, snapshot.epochs().isEmpty() ? null : snapshot.epochs().get(shownEpochs - 1)));
    }

    /** What the chart shows now, in numbers. */
    static String captionOf(DecoderStdCourse c, EpochMetrics lastEpoch) {
        int now = c.size() - 1;
        if (c.shared()) {
            double rms = lastEpoch == null ? Double.NaN : c.residualRms()[c.size() - 2];
            return String.format(Locale.ROOT, "σ %.3f now (line)", c.mean()[now])
                    + (Double.isNaN(rms) ? "; the held-out residual's RMS (dots) after each epoch"
                            : String.format(Locale.ROOT, "; held-out residual RMS %.3f after epoch %d (dots)", rms,
                                    lastEpoch.epoch()));
        }
        return String.format(Locale.ROOT, "σ per pixel now (map): median %.3f, 10–90 %% %.3f–%.3f; band: %.3f–%.3f",
                c.quantile(0.5), c.quantile(0.1), c.quantile(0.9), c.min()[now], c.max()[now]);
    }

    /** σ over training; {@code null} while σ is fixed (or nothing is trained yet). */
    public ReadOnlyObjectProperty<DecoderStdCourse> courseProperty() {
        return course.getReadOnlyProperty();
    }

    /** σ now in numbers, with the residual's RMS or the per-pixel quantiles; empty while σ is fixed. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
