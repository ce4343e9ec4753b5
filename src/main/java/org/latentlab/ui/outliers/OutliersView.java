package org.latentlab.ui.outliers;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.Units;
import org.latentlab.ui.explorer.DatasetChoice;

/**
 * The Outliers tab: the 16 held-out images of lowest and of highest −log p(x), each beside its
 * reconstruction, and after "Compare with other data…" the two sets' histograms of −log p(x) and
 * its AUROC. Confined to the JavaFX application thread.
 */
public final class OutliersView extends VBox {

    private static final int IMAGE_SIDE = 28;
    private static final double HISTOGRAM_WIDTH = 500;
    private static final double HISTOGRAM_HEIGHT = 88;

    private final OutliersViewModel viewModel;
    private final RankedImages most;
    private final RankedImages least;
    private final ScoreHistogram histogram = new ScoreHistogram(HISTOGRAM_WIDTH, HISTOGRAM_HEIGHT);
    private final Label message = new Label();
    private final Label progress = new Label();
    private final Label otherMessage = new Label();
    private final Label mostTitle = new Label();
    private final Label leastTitle = new Label();
    private final Label auroc = new Label();
    private final Label nalisnick = new Label();
    private final VBox content;
    private final VBox comparison;

    public OutliersView(OutliersViewModel viewModel) {
        this.viewModel = viewModel;
        setId("outliers-view");
        setSpacing(4);
        setPadding(new Insets(6));
        this.most = new RankedImages(IMAGE_SIDE, IMAGE_SIDE, viewModel::select);
        this.least = new RankedImages(IMAGE_SIDE, IMAGE_SIDE, viewModel::select);
        most.setId("outliers-most-likely");
        least.setId("outliers-least-likely");
        Tooltip.install(most, new Tooltip("Each held-out image beside its reconstruction, decoded at μ(x); click one"
                + " to select it in the latent space"));
        Tooltip.install(least, new Tooltip("Each held-out image beside its reconstruction, decoded at μ(x); click one"
                + " to select it in the latent space"));

        Button again = new Button("Score again");
        again.setId("outliers-score-again");
        again.setOnAction(e -> viewModel.scoreAgain());
        again.setTooltip(new Tooltip("Scores the model as it is now. While training runs, the tab scores again after"
                + " each epoch, at most every " + OutliersViewModel.TRAINING_INTERVAL_SECONDS + " s."));
        MenuButton other = new MenuButton("Compare with other data…");
        other.setId(ControlId.OTHER_DATA.id());
        other.setTooltip(new Tooltip("Scores up to 1,000 images of another dataset, spread through it, beside the"
                + " held-out images"));
        for (DatasetChoice choice : DatasetChoice.builtIn()) {
            MenuItem item = new MenuItem(choice.label());
            item.setOnAction(e -> viewModel.compareWith(choice.spec()));
            other.getItems().add(item);
        }
        MenuItem file = new MenuItem("An IDX file or a folder of images…");
        file.setOnAction(e -> {
            String spec = DatasetChoice.chooseFile(getScene() == null ? null : getScene().getWindow());
            if (spec != null) {
                viewModel.compareWith(spec);
            }
        });
        other.getItems().add(file);
        progress.setId("outliers-progress");
        progress.setWrapText(true);
        HBox buttons = new HBox(8, again, other);
        buttons.setAlignment(Pos.CENTER_LEFT);

        HBox blocks = new HBox(10, new VBox(1, mostTitle, most), new VBox(1, leastTitle, least));
        otherMessage.setId("outliers-other-message");
        otherMessage.setWrapText(true);
        histogram.setId("outliers-histogram");
        auroc.setId("outliers-auroc");
        auroc.setWrapText(true);
        nalisnick.setId("outliers-nalisnick");
        nalisnick.setWrapText(true);
        nalisnick.setStyle("-fx-text-fill: #b2182b;");
        this.comparison = new VBox(4, histogram, auroc, nalisnick);
        this.content = new VBox(4, progress, blocks, otherMessage, comparison);
        message.setId("outliers-message");
        message.setWrapText(true);
        for (Label wrapped : new Label[] {message, progress, otherMessage, auroc, nalisnick}) {
            wrapped.setMinHeight(Region.USE_PREF_SIZE); // wrapped lines, rather than one cut short: the tab scrolls
        }
        getChildren().addAll(buttons, message, content);

        viewModel.scoresProperty().addListener(o -> redraw());
        viewModel.unitsProperty().addListener(o -> redraw());
        viewModel.selectedProperty().addListener(o -> redraw());
        viewModel.messageProperty().addListener(o -> showMessage());
        progress.textProperty().bind(viewModel.progressProperty());
        otherMessage.textProperty().bind(viewModel.otherMessageProperty());
        otherMessage.visibleProperty().bind(otherMessage.textProperty().isNotEmpty());
        otherMessage.managedProperty().bind(otherMessage.visibleProperty());
        showMessage();
        redraw();
    }

    private void showMessage() {
        String text = viewModel.messageProperty().get();
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
        content.setVisible(text.isEmpty());
        content.setManaged(text.isEmpty());
    }

    private void redraw() {
        OutlierScores scores = viewModel.scoresProperty().get();
        Units units = viewModel.unitsProperty().get();
        int selected = viewModel.selectedProperty().get();
        boolean shown = scores != null;
        int width = shown ? scores.imageWidth() : IMAGE_SIDE;
        int height = shown ? scores.imageHeight() : IMAGE_SIDE;
        mostTitle.setText(shown ? "Most likely (−log p(x), " + units.symbol() + ")" : "");
        leastTitle.setText(shown ? "Least likely (−log p(x), " + units.symbol() + ")" : "");
        most.draw(shown ? scores.mostLikely() : null, width, height, units, selected);
        least.draw(shown ? scores.leastLikely() : null, width, height, units, selected);
        OutlierScores.Comparison c = shown ? scores.comparison() : null;
        comparison.setVisible(c != null);
        comparison.setManaged(c != null);
        histogram.draw(c, shown ? scores.heldOut().length : 0, shown ? scores.pixels() : 1, units);
        auroc.setText(viewModel.aurocText());
        String warning = viewModel.nalisnickText();
        nalisnick.setText(warning);
        nalisnick.setVisible(!warning.isEmpty());
        nalisnick.setManaged(!warning.isEmpty());
    }
}
