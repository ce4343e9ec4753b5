package org.latentlab.ui.scatter;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.render.Palette;
import org.latentlab.ui.plot.LegendEntry;

/**
 * The column beside the latent scatter: Prior, Grid cells and Fit, and the classes' markers in as
 * many columns as its height needs. Beside the plot, which is square: on a wide, short screen (a
 * 1280 × 720 projector) that is where the room is, and the plot keeps all the height. Confined to
 * the JavaFX application thread.
 */
final class ScatterKey extends VBox {

    private final FlowPane legend = new FlowPane(Orientation.VERTICAL, 12, 4);

    ScatterKey(LatentScatterViewModel viewModel) {
        super(10);
        ToggleButton prior = new ToggleButton("Prior");
        prior.setId("scatter-prior");
        prior.setTooltip(new Tooltip("Draw the prior N(0, I) as circles at 1σ and 2σ: where a VAE is asked to put its codes"));
        prior.selectedProperty().bindBidirectional(viewModel.showPriorProperty());
        ToggleButton cells = new ToggleButton("Grid cells");
        cells.setId("scatter-grid-cells");
        cells.setTooltip(new Tooltip("Draw the manifold grid's points and cells, to see where each decoded image comes from"));
        cells.selectedProperty().bindBidirectional(viewModel.showGridCellsProperty());
        Button fit = new Button("Fit");
        fit.setId("scatter-fit");
        fit.setTooltip(new Tooltip("Show every point (and the prior's ±3σ), and follow the points as training moves them"));
        fit.setOnAction(e -> viewModel.fit());
        // One above the other, always: buttons that went side by side when the key was given room
        // changed the legend's height, so its columns, so the room the key asked for, and the key
        // flipped between two layouts, the wider one cut off at the card's edge.
        VBox buttons = new VBox(6, prior, cells, fit);
        legend.setId("scatter-key");
        legend.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(buttons, legend);
        setPadding(new Insets(6, 8, 4, 0));
        setMinHeight(0);
        legend.setMinHeight(0);
        legend.prefWrapLengthProperty().bind(heightProperty().subtract(buttons.heightProperty()).subtract(
                getSpacing() + getPadding().getTop() + getPadding().getBottom()));
    }

    /** Shows a marker for each of {@code classNames}, as its points are drawn; none for {@code null}. */
    void showClasses(List<String> classNames) {
        List<Node> entries = new ArrayList<>();
        if (classNames != null) {
            for (int label = 0; label < classNames.size(); label++) {
                entries.add(LegendEntry.marker(classNames.get(label), Color.web(Palette.classHex(label)),
                        Palette.classMarker(label)));
            }
        }
        legend.getChildren().setAll(entries);
    }
}
