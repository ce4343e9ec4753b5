package org.latentlab.ui.samples;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;
import org.latentlab.ui.plot.GrayGridPicture;

/**
 * Held-out images over their reconstructions, and samples decoded from the prior, refreshed as
 * the model trains. Confined to the JavaFX application thread.
 */
public final class SampleStripsView extends VBox {

    private final SampleStripsViewModel viewModel;

    public SampleStripsView(SampleStripsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("sample-strips");
        setId(ControlId.SAMPLES.id());
        setSpacing(4);
        setPadding(new Insets(6, 8, 6, 8));

        Button resample = new Button("New samples");
        resample.setId("samples-resample");
        resample.setTooltip(new Tooltip("Draw another 12 points z ~ N(0, I) from the prior and decode them"));
        resample.setOnAction(e -> viewModel.resample());

        getChildren().addAll(
                row("held-out x", "Held-out images the model never trained on", viewModel.inputsProperty()),
                row("reconstructed", "The same images encoded to μ(x) and decoded again", viewModel.reconstructionsProperty()),
                row("z ~ N(0, I)", "Images decoded from random points of the prior: what the model generates",
                        viewModel.samplesProperty()),
                resample);
    }

    /** A caption and a strip of images that scales to the room it gets, keeping the images square. */
    private static HBox row(String title, String explanation, ReadOnlyObjectProperty<SampleStripsViewModel.Strip> strip) {
        ImageView view = new ImageView();
        GrayGridPicture picture = new GrayGridPicture(2, 70); // drawn over in place: a replay changes it every frame
        strip.addListener((o, was, now) -> {
            if (now != null) {
                view.setImage(picture.draw(now.pixels(), now.count(), now.count(), now.width(), now.height()));
            }
        });
        return StripRow.of(title, explanation, view, 30, 70);
    }
}
