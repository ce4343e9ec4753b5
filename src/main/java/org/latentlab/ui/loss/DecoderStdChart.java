package org.latentlab.ui.loss;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.render.Palette;
import org.latentlab.training.DecoderStdCourse;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;

/**
 * A learned decoder σ over training, small, on a card of its own above the reconstructions (the loss
 * card has no height to spare at 1280 × 720; docs/decisions/0084): σ per epoch (per pixel,
 * the mean over the pixels in a band from the smallest to the largest), the held-out residual's RMS
 * at each epoch's end as dots (shared σ), and the per-pixel σ map now as a picture, brightest where
 * σ is largest. Hidden while σ is fixed. Confined to the JavaFX application thread.
 */
public final class DecoderStdChart extends VBox implements Themed {

    private static final double PLOT_WIDTH = 250;
    private static final double PLOT_HEIGHT = 110;
    private static final double MAP_SIDE = 56;
    private static final double CAPTION_WIDTH = 220;
    private static final Color SIGMA = Color.web(Palette.RECONSTRUCTION_HEX);
    private static final Color RESIDUAL = Color.web(Palette.VALIDATION_HEX);

    private final DecoderStdViewModel viewModel;
    private final PlotPane plot = new PlotPane(false);
    private final ImageView map = new ImageView();

    public DecoderStdChart(DecoderStdViewModel viewModel) {
        super(0);
        this.viewModel = viewModel;
        setId("decoder-std-chart");
        setPadding(new Insets(2, 8, 4, 8));
        plot.setAxisTitles("epoch", "σ");
        plot.setPrefSize(PLOT_WIDTH, PLOT_HEIGHT);
        plot.setMinSize(PLOT_WIDTH, PLOT_HEIGHT);
        map.setId("decoder-std-map");
        map.setSmooth(false);
        map.setFitWidth(MAP_SIDE);
        map.setFitHeight(MAP_SIDE);
        map.managedProperty().bind(map.visibleProperty());
        Tooltip.install(map, new Tooltip("σ of each pixel now: white where it is largest, black where smallest"));
        Label caption = new Label();
        caption.setId("decoder-std-caption");
        caption.getStyleClass().add("note");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setPrefWidth(CAPTION_WIDTH);
        caption.setMaxWidth(CAPTION_WIDTH);
        caption.textProperty().bind(viewModel.captionProperty());
        Tooltip.install(this, new Tooltip("The decoder's learned σ after the first step and each epoch, and now (per"
                + " pixel: the mean over the pixels, in a band from the smallest to the largest). Dots: the held-out"
                + " residual's RMS after each epoch. With the means held, the loss is least where σ is the residuals'"
                + " RMS, so σ follows it, at Adam's pace."));
        VBox side = new VBox(2, map, caption);
        HBox row = new HBox(10, plot, side);
        row.setAlignment(Pos.TOP_LEFT);
        getChildren().add(row);
        setMinWidth(Region.USE_PREF_SIZE);
        visibleProperty().bind(viewModel.courseProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        viewModel.courseProperty().addListener(o -> redraw());
        plot.setOnResize(this::redraw);
    }

    @Override
    public void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
        redraw();
    }

    private void redraw() {
        DecoderStdCourse c = viewModel.courseProperty().get();
        plot.raster().clear();
        plot.raster().show();
        GraphicsContext g = plot.clearMarks();
        if (c == null) {
            map.setImage(null);
            return;
        }
        int n = c.size();
        double top = 0;
        for (int i = 0; i < n; i++) {
            top = Math.max(top, c.max()[i]);
            top = Double.isNaN(c.residualRms()[i]) ? top : Math.max(top, c.residualRms()[i]);
        }
        plot.setRanges(0, Math.max(1, c.epochs()[n - 1]), 0, top * 1.1, false);
        AxisMapping x = plot.x();
        AxisMapping y = plot.y();
        if (!c.shared()) {
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int i = 0; i < n; i++) {
                xs[i] = x.toPixel(c.epochs()[i]);
                ys[i] = y.toPixel(c.max()[i]);
                xs[2 * n - 1 - i] = xs[i];
                ys[2 * n - 1 - i] = y.toPixel(c.min()[i]);
            }
            g.setFill(SIGMA.deriveColor(0, 1, 1, 0.22));
            g.fillPolygon(xs, ys, 2 * n);
        }
        g.setStroke(SIGMA);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                g.moveTo(x.toPixel(c.epochs()[i]), y.toPixel(c.mean()[i]));
            } else {
                g.lineTo(x.toPixel(c.epochs()[i]), y.toPixel(c.mean()[i]));
            }
        }
        g.stroke();
        g.setFill(RESIDUAL);
        for (int i = 0; i < n; i++) {
            double r = c.residualRms()[i];
            if (!Double.isNaN(r)) {
                g.fillOval(x.toPixel(c.epochs()[i]) - 3, y.toPixel(r) - 3, 6, 6);
            }
        }
        map.setVisible(!c.shared());
        map.setImage(c.shared() ? null : mapImage(c.map(), c.mapWidth()));
    }

    /** The σ map scaled from its smallest (black) to its largest value (white). */
    private static WritableImage mapImage(float[] stds, int width) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (float s : stds) {
            low = Math.min(low, s);
            high = Math.max(high, s);
        }
        float[] scaled = new float[stds.length];
        for (int p = 0; p < stds.length; p++) {
            scaled[p] = high > low ? (stds[p] - low) / (high - low) : 0.5f;
        }
        return GrayImage.of(scaled, 0, width, stds.length / width);
    }
}
