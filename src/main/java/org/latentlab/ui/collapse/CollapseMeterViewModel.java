package org.latentlab.ui.collapse;

import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.latentlab.lesson.Units;
import org.latentlab.model.Encoding;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;

/**
 * What the collapse meter shows: the held-out KL term split by latent dimension and which
 * dimensions are active units, from each new snapshot, with a line that counts them. Uses
 * {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class CollapseMeterViewModel {

    private final ReadOnlyObjectWrapper<CollapseReading> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper(this, "caption", "No model yet.");
    private final ObjectProperty<Units> units = new SimpleObjectProperty<>(this, "units", Units.NATS_PER_IMAGE);
    private ProbeSet shownProbe;

    public CollapseMeterViewModel() {
        units.addListener(o -> refreshCaption());
    }

    /** Takes a snapshot; reads it only when its probe codes are new. */
    public void update(TrainingSnapshot snapshot) {
        if (snapshot.probe() == shownProbe) {
            return;
        }
        shownProbe = snapshot.probe();
        Encoding codes = snapshot.probe().encoding();
        ModelConfig config = snapshot.modelConfig();
        reading.set(new CollapseReading(snapshot.klPerDimension(),
                codes.activeDimensions(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD), snapshot.activeUnits(),
                config.imageWidth() * config.imageHeight(),
                config.kind() == ModelKind.VAE && codes.hasPosterior(), snapshot.iteration()));
        refreshCaption();
    }

    private void refreshCaption() {
        CollapseReading r = reading.get();
        if (r != null) {
            caption.set(captionOf(r, units.get()));
        }
    }

    /**
     * "Active units: 3 of 16 · KL 12.4 nats per image in all": how many dimensions carry
     * information about the image, and the KL term they add up to.
     */
    static String captionOf(CollapseReading r, Units units) {
        if (!r.hasKl()) {
            return String.format(Locale.ROOT, "Active units: %d of %d. An autoencoder has no KL term and no prior to "
                    + "collapse onto: its bars stay empty.", r.activeUnits(), r.dimensions());
        }
        if (r.iteration() == 0) {
            return String.format(Locale.ROOT, "Active units: %d of %d. Untrained, the encoder gives nearly the same "
                    + "code to every image; press Train and watch the dimensions come alive, or die.",
                    r.activeUnits(), r.dimensions());
        }
        String collapsed = r.activeUnits() == r.dimensions() ? "none collapsed"
                : (r.dimensions() - r.activeUnits()) + " collapsed onto the prior (grey)";
        return String.format(Locale.ROOT, "Active units: %d of %d, %s · held-out KL %s %s in all", r.activeUnits(),
                r.dimensions(), collapsed, units.format(r.totalKl(), r.pixels(), 2), units.symbol());
    }

    /**
     * The KL the bars' full height stands for, in nats: 1, 2 or 5 times a power of ten, at least
     * 1 nat, so that a dying dimension's sliver of KL does not fill the meter once all are small.
     */
    static double scaleTop(double[] klPerDimension) {
        double highest = 1;
        for (double kl : klPerDimension) {
            highest = Double.isFinite(kl) ? Math.max(highest, kl) : highest;
        }
        double power = Math.pow(10, Math.floor(Math.log10(highest)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (highest <= step * power * (1 + 1e-12)) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** The top of the scale as the meter writes it: "5 nats", "0.0092 bits/dim". */
    static String scaleLabel(double topNats, Units units, int pixels) {
        String value = units == Units.NATS_PER_IMAGE ? String.format(Locale.ROOT, "%.0f", topNats)
                : String.format(Locale.ROOT, "%.2g", units.fromNats(topNats, pixels));
        return value + " " + units.symbol();
    }

    /** Every how many bars a number fits under them: 1, 2, 4, 8, … */
    static int labelEvery(double slotWidth, double room) {
        int every = 1;
        while (every * slotWidth < room && every < 64) {
            every *= 2;
        }
        return every;
    }

    public ReadOnlyObjectProperty<CollapseReading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The units the bars and the caption are shown in. */
    public ObjectProperty<Units> unitsProperty() {
        return units;
    }
}
