package org.latentlab.ui.manifold;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.latentlab.lesson.ControlId;
import org.latentlab.latent.GridSpacing;
import org.latentlab.ui.plot.GrayGridPicture;

/**
 * The manifold grid: images decoded on an n × n lattice of latent points, with the grid size,
 * a switch between inverse-CDF and linear spacing, and a caption saying where the points are.
 * Confined to the JavaFX application thread.
 */
public final class ManifoldView extends BorderPane {

    private static final int GAP = 1;
    private static final int GAP_GREY = 70;

    private final ManifoldViewModel viewModel;
    private final ImageView grid = new ImageView();
    /** The grid's picture, drawn over in place: a replay changes it every frame. */
    private final GrayGridPicture picture = new GrayGridPicture(GAP, GAP_GREY);
    private final Label caption = new Label();
    private final String idPrefix;
    private final HBox top = new HBox(8);

    public ManifoldView(ManifoldViewModel viewModel) {
        this(viewModel, "manifold");
    }

    /** A grid view whose controls' ids start with {@code idPrefix} ("manifold-size", …), unique in the window. */
    public ManifoldView(ManifoldViewModel viewModel, String idPrefix) {
        this.viewModel = viewModel;
        this.idPrefix = idPrefix;
        initGraphics();
        registerListeners();
    }

    private void initGraphics() {
        getStyleClass().add("manifold");
        Spinner<Integer> size = new Spinner<>(ManifoldViewModel.MIN_SIZE, ManifoldViewModel.MAX_SIZE,
                viewModel.sizeProperty().get());
        size.setId(idPrefix + "-size");
        size.setEditable(true);
        size.setPrefWidth(90);
        size.setTooltip(new Tooltip("How many images across and down: more shows finer detail of the latent space"));
        size.valueProperty().addListener((o, was, now) -> viewModel.sizeProperty().set(now));

        ToggleGroup spacing = new ToggleGroup();
        ToggleButton inverseCdf = new ToggleButton("Φ⁻¹ spacing");
        inverseCdf.setId(idPrefix + "-icdf");
        inverseCdf.setTooltip(new Tooltip("Points at z = Φ⁻¹(u), u evenly spaced in (0, 1): equal prior probability per image"));
        ToggleButton linear = new ToggleButton("Linear");
        linear.setId(idPrefix + "-linear");
        linear.setTooltip(new Tooltip("Points evenly spaced in z over the same range, to compare with Φ⁻¹ spacing"));
        inverseCdf.setToggleGroup(spacing);
        linear.setToggleGroup(spacing);
        inverseCdf.setUserData(GridSpacing.INVERSE_CDF);
        linear.setUserData(GridSpacing.LINEAR);
        spacing.selectToggle(viewModel.spacingProperty().get() == GridSpacing.LINEAR ? linear : inverseCdf);
        spacing.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                spacing.selectToggle(was); // one of the two is always on
            } else {
                viewModel.spacingProperty().set((GridSpacing) now.getUserData());
            }
        });

        HBox spacingButtons = new HBox(8, inverseCdf, linear);
        spacingButtons.setId(idPrefix.equals("manifold") ? ControlId.GRID_SPACING.id() : idPrefix + "-spacing");
        top.getChildren().addAll(new Label("Grid"), size, spacingButtons);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 8, 2, 8));

        grid.setSmooth(false);
        grid.setPreserveRatio(true);
        StackPane centre = new StackPane(grid);
        centre.setMinSize(120, 120);
        centre.getStyleClass().add("image-well");
        grid.fitWidthProperty().bind(centre.widthProperty().subtract(8));
        grid.fitHeightProperty().bind(centre.heightProperty().subtract(8));

        caption.setWrapText(true);
        caption.getStyleClass().add("note");
        caption.setPadding(new Insets(2, 8, 4, 8));
        setTop(top);
        setCenter(centre);
        setBottom(caption);
    }

    /** Puts {@code nodes} first in the row of the grid's controls. */
    public void addControlsFirst(Node... nodes) {
        top.getChildren().addAll(0, List.of(nodes));
    }

    /** Shows or hides the caption under the grid (a view that says where its points are itself hides it). */
    public void setCaptionShown(boolean shown) {
        caption.setVisible(shown);
        caption.setManaged(shown);
    }

    private void registerListeners() {
        caption.textProperty().bind(viewModel.captionProperty());
        viewModel.imagesProperty().addListener((o, was, now) -> {
            if (now != null) {
                grid.setImage(picture.draw(now.pixels(), now.count(), now.columns(), now.imageWidth(),
                        now.imageHeight()));
            }
        });
    }
}
