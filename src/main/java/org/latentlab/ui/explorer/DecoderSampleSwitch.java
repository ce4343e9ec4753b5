package org.latentlab.ui.explorer;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import org.latentlab.ui.TwoWaySwitch;

/**
 * The switch over every decoded image of the Explore tab (the grids, the samples, the
 * reconstructions): the mean of p(x|z), or a sample of it, with a sentence on why VAE images look
 * blurry either way. Its ids: {@code decoder-sample} (on: a sample), {@code decoder-mean}. Confined to the JavaFX application thread.
 */
final class DecoderSampleSwitch extends HBox {

    /** Why the decoded images look blurry, and why a sample does not help (docs/decisions/0081). */
    static final String WHY_BLURRY = "Blurry either way: the mean averages every image a code could stand for,"
            + " and a sample only adds independent noise to each pixel, not strokes.";

    DecoderSampleSwitch(BooleanProperty sample) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        getStyleClass().add("decoder-sample-switch");
        ToggleButton mean = new ToggleButton("mean of p(x|z)");
        mean.setId("decoder-mean");
        ToggleButton sampled = new ToggleButton("a sample of p(x|z)");
        sampled.setId("decoder-sample");
        TrainingToolbar.tip(sampled, "Show one draw of p(x|z) for each code: the mean plus independent pixel noise of"
                + " the decoder's σ (Gaussian), or each pixel ink with its probability (Bernoulli: a binary image)");
        TwoWaySwitch.bind(mean, sampled, sample);
        Label why = new Label(WHY_BLURRY); // one line, cut with … where narrow; the whole sentence in its tooltip
        why.setTooltip(new Tooltip(WHY_BLURRY));
        why.getStyleClass().add("note");
        why.setMinWidth(0);
        HBox.setHgrow(why, Priority.ALWAYS);
        TrainingToolbar.tip(mean, "Show the decoder's mean image for each code, as the views do by default. Why VAE images"
                + " look blurry: the mean of p(x|z) averages all the images a code could stand for, and an average of"
                + " slightly different strokes is a blur");
        for (Region control : new Region[] {mean, sampled}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(mean, sampled, why);
    }
}
