package org.latentlab.ui.loss;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.latentlab.lesson.ControlId;
import org.latentlab.render.Palette;
import org.latentlab.training.EpochMetrics;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.Colours;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Raster;

/**
 * The loss chart: the training objective (reconstruction + β·KL), reconstruction and KL per
 * iteration (faint raw values, bold running means), the training negative ELBO too once β is not 1,
 * and the held-out negative ELBO per epoch, with a legend that says which is which, a log-scale
 * toggle, a readout of how the latest terms add up, and a note when a density makes a loss negative.
 * In the view-model's units. Confined to the JavaFX application thread.
 */
public final class LossChartView extends BorderPane {

    private static final double RAW_ALPHA = 0.28;
    private static final double BOLD_HALF_WIDTH = 1.3;
    /** The least height, in pixels, of the area the curves are drawn in. */
    private static final double MIN_PLOT_HEIGHT = 80;

    private final LossChartViewModel viewModel;
    private final PlotPane plot = new PlotPane(false);
    private final VBox legend = new VBox(2);
    private final VBox key = new VBox(10);
    private final ToggleButton logScale = new ToggleButton("Log scale");
    private final Label readout = new Label();
    /** The KL of each level of a hierarchical VAE, shown only for one. */
    private final Node[] levelEntries = {
        LegendEntry.line(LossSeries.Term.KL_Z1.label(), Color.web(Palette.KL_LEVEL_HEX.get(0)), false),
        LegendEntry.line(LossSeries.Term.KL_Z2.label(), Color.web(Palette.KL_LEVEL_HEX.get(1)), false)};
    private final Line cursor = new Line();
    private boolean dirty;
    private final Label cutOff = new Label("▲ the first iterations lie above the top; Log scale shows them");
    private final Label negative = new Label("Below 0: with the Gaussian decoder p(x|z) is a density, and a density "
            + "can exceed 1 (a narrow one must), so −log p(x|z) and the losses built on it can be negative.");
    /** The legend shown: whether β had left 1, and the theme; rebuilt only when one changes. */
    private Object legendShown;

    public LossChartView(LossChartViewModel viewModel) {
        this.viewModel = viewModel;
        initGraphics();
        registerListeners();
        for (Node entry : levelEntries) {
            entry.setVisible(false);
            entry.setManaged(false);
        }
        setTheme(PlotTheme.LIGHT);
    }

    private void initGraphics() {
        getStyleClass().add("loss-chart");
        setId(ControlId.LOSS_CHART.id());
        plot.setAxisTitles("iteration", viewModel.unitsProperty().get().symbol());
        // The legend and Log scale beside the plot, and the lines of text under it claiming the height
        // they need at the width they get: on a 1280 × 720 screen the plot keeps a little room for the
        // curves (setTheme) and the views above give up the rest (ContentFittingSplit).
        readout.setMinHeight(Region.USE_PREF_SIZE);
        cutOff.setWrapText(true);
        cutOff.setMinHeight(Region.USE_PREF_SIZE);
        logScale.setTooltip(new Tooltip("Show the losses on a logarithmic axis, where equal ratios get equal heights"));
        logScale.setId("loss-log-scale");
        cutOff.getStyleClass().add("note");
        cutOff.setPadding(new Insets(0, 8, 0, 8));
        cutOff.managedProperty().bind(cutOff.visibleProperty());
        cutOff.setVisible(false);
        negative.setId("loss-negative-note");
        negative.setWrapText(true);
        negative.setMinHeight(Region.USE_PREF_SIZE);
        negative.getStyleClass().add("note");
        negative.setPadding(new Insets(0, 8, 0, 8));
        negative.managedProperty().bind(negative.visibleProperty());
        negative.setVisible(false);
        key.getChildren().setAll(logScale, legend);
        key.setPadding(new Insets(6, 8, 2, 4));
        key.setMinHeight(Region.USE_PREF_SIZE);
        readout.getStyleClass().add("readout");
        readout.setWrapText(true);
        readout.setPadding(new Insets(2, 8, 4, 8));
        cursor.setStroke(Color.web(Palette.MOMENT_HEX));
        cursor.setStrokeWidth(2);
        cursor.setManaged(false);
        cursor.setMouseTransparent(true);
        cursor.setVisible(false);
        cursor.setId("loss-cursor");
        Pane over = new Pane(cursor);
        over.setMouseTransparent(true);
        setCenter(new StackPane(plot, over));
        setRight(key);
        setBottom(new VBox(cutOff, negative, readout));
    }

    private void registerListeners() {
        logScale.selectedProperty().bindBidirectional(viewModel.logScaleProperty());
        readout.textProperty().bind(viewModel.readoutProperty());
        viewModel.seriesProperty().addListener(o -> invalidate());
        viewModel.seriesProperty().addListener((o, was, now) -> {
            for (Node entry : levelEntries) {
                entry.setVisible(now != null && now.twoLevels());
                entry.setManaged(entry.isVisible());
            }
        });
        viewModel.logScaleProperty().addListener(o -> invalidate());
        viewModel.unitsProperty().addListener(o -> invalidate());
        viewModel.cursorProperty().addListener(o -> placeCursor());
        viewModel.likelihoodProperty().addListener(o -> invalidate());
        viewModel.gapProperty().addListener(o -> invalidate());
        plot.setOnResize(this::redraw);
    }

    /** Draws with {@code theme}'s colours from now on. */
    public void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
        showLegend(viewModel.seriesProperty().get());
        plot.setMinHeight(MIN_PLOT_HEIGHT + 3 * theme.fontSize() + 20); // the curves' room and the axes' text
    }

    /**
     * The legend, naming each line for what it is: the objective is reconstruction + β·KL; the
     * training −ELBO (reconstruction + KL) gets its own line once β has left 1; the held-out value
     * is a −ELBO at β = 1 from one draw of z per image.
     */
    private void showLegend(LossSeries series) {
        PlotTheme theme = plot.theme();
        boolean both = series != null && series.betaLeftOne();
        HeldOutLikelihoodLines lines = viewModel.likelihoodProperty().get();
        List<Object> key = List.of(both, theme, lines.label(), lines.drawn());
        if (key.equals(legendShown)) {
            return;
        }
        legendShown = key;
        legend.getChildren().setAll(
                LegendEntry.line(both ? "objective: rec. + β·KL" : "objective = −ELBO (β = 1)", totalColour(theme), false),
                new HBox(10, LegendEntry.line("reconstruction", Color.web(Palette.RECONSTRUCTION_HEX), false),
                        LegendEntry.line("KL", Color.web(Palette.KL_HEX), false)), // one row: room for the likelihood's
                levelEntries[0],
                levelEntries[1]);
        if (both) {
            legend.getChildren().add(LegendEntry.line("training −ELBO: rec. + KL", Color.web(Palette.NEGATIVE_ELBO_HEX),
                    false));
        }
        Label heldOut = LegendEntry.line("held-out −ELBO, all images, 1 draw", Color.web(Palette.VALIDATION_HEX), false);
        heldOut.setTooltip(new Tooltip("After each epoch: reconstruction + KL on the held-out images at β = 1, the "
                + "reconstruction term from one draw of z per image: an estimate of the negative ELBO, not −log p(x)"
                + " itself"));
        legend.getChildren().add(heldOut);
        legend.getChildren().add(HeldOutLikelihoodMarks.legendEntry(lines));
        legend.getChildren().add(LegendEntry.line("faint: every iteration", theme.axis(), true));
    }

    /** Puts {@code control} beside the plot, under Log scale: a window-wide switch that the chart follows. */
    public void addControl(javafx.scene.Node control) {
        key.getChildren().add(1, control);
    }

    /** The plot surface, for tests and export. */
    public PlotPane plot() {
        return plot;
    }

    private static Color totalColour(PlotTheme theme) {
        return theme.text();
    }

    /** The chart needs drawing again: done once, in the next layout pass. */
    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (dirty) {
            redraw();
        }
    }

    private void redraw() {
        dirty = false;
        LossSeries series = viewModel.seriesProperty().get();
        Raster raster = plot.raster();
        GraphicsContext marks = plot.clearMarks();
        if (series == null) {
            raster.clear();
            raster.show();
            return;
        }
        showLegend(series);
        boolean log = viewModel.logScaleProperty().get();
        double xMax = LossChartViewModel.xMax(series);
        double perNat = viewModel.unitsPerNat();
        double[] y = LossChartViewModel.yRange(series, log, perNat);
        plot.setAxisTitles("iteration", viewModel.unitsProperty().get().symbol());
        plot.setRanges(0, xMax, y[0], y[1], log);
        cutOff.setVisible(!log && LossChartViewModel.cutsOffTheStart(series, y[1] / perNat));
        negative.setVisible(LossChartViewModel.showsNegativeDensity(series, y));
        // The losses are in nats; this maps them to the same pixels as the axis in the units shown.
        AxisMapping nats = new AxisMapping(plot.y().min() / perNat, plot.y().max() / perNat, plot.y().pixelStart(),
                plot.y().pixelEnd(), plot.y().logarithmic());
        raster = plot.raster();
        raster.clear();
        int columns = raster.width();
        int window = LossChartViewModel.smoothingWindow(series.size());
        List<LossSeries.Term> terms = LossChartViewModel.terms(series);
        for (LossSeries.Term term : terms) {
            ColumnSummary summary = ColumnSummary.of(series, term, columns, xMax, window);
            int rgb = Colours.rgb(colour(term));
            drawRaw(raster, summary, nats, rgb);
            LossLines.drawSmoothed(raster, summary, nats, rgb, BOLD_HALF_WIDTH * plot.theme().markScale());
        }
        raster.show();
        drawValidation(marks, series.epochs(), plot.x(), nats);
        HeldOutLikelihoodMarks.draw(marks, viewModel.likelihoodProperty().get(), viewModel.gapProperty().get(), plot.x(),
                nats, plot.theme());
        placeCursor();
    }

    /**
     * Puts the cursor (a replayed moment) at its iteration: a line of its own over the plot, so
     * that moving it repaints a sliver of the chart, not the chart, when a replay moves it every frame.
     */
    private void placeCursor() {
        long at = viewModel.cursorProperty().get();
        cursor.setVisible(at != LossChartViewModel.NO_CURSOR && viewModel.seriesProperty().get() != null);
        if (cursor.isVisible()) { // in the pane's coordinates, which the line shares: the plot area sits inside its margins
            Point2D top = plot.paneAt(at, plot.y().max());
            Point2D bottom = plot.paneAt(at, plot.y().min());
            double px = Math.round(top.getX()) + 0.5;
            cursor.setStartX(px);
            cursor.setEndX(px);
            cursor.setStartY(top.getY());
            cursor.setEndY(bottom.getY());
        }
    }

    private Color colour(LossSeries.Term term) {
        return switch (term) {
            case TOTAL -> totalColour(plot.theme());
            case RECONSTRUCTION -> Color.web(Palette.RECONSTRUCTION_HEX);
            case KL -> Color.web(Palette.KL_HEX);
            case NEGATIVE_ELBO -> Color.web(Palette.NEGATIVE_ELBO_HEX);
            case KL_Z1 -> Color.web(Palette.KL_LEVEL_HEX.get(0));
            case KL_Z2 -> Color.web(Palette.KL_LEVEL_HEX.get(1));
        };
    }

    /** Each column from its lowest to its highest raw value, joined to the previous column's last. */
    private static void drawRaw(Raster raster, ColumnSummary s, AxisMapping y, int rgb) {
        double previous = Double.NaN;
        for (int c = 0; c < s.columns(); c++) {
            if (!Float.isFinite(s.low(c))) {
                continue;
            }
            double top = y.toPixel(s.high(c));
            double bottom = y.toPixel(s.low(c));
            if (Double.isFinite(previous)) {
                double joint = y.toPixel(previous);
                top = Math.min(top, joint);
                bottom = Math.max(bottom, joint);
            }
            if (Double.isFinite(top) && Double.isFinite(bottom)) {
                raster.verticalSpan(c, top - 0.5, bottom + 0.5, rgb, RAW_ALPHA);
            }
            previous = s.last(c);
        }
    }

    /** The held-out loss: a ringed dot at the end of each epoch, joined by a line. */
    private void drawValidation(GraphicsContext g, List<EpochMetrics> epochs, AxisMapping x, AxisMapping y) {
        Color colour = Color.web(Palette.VALIDATION_HEX);
        double scale = plot.theme().markScale();
        g.setStroke(colour);
        g.setLineWidth(2 * scale);
        double previousX = Double.NaN;
        double previousY = Double.NaN;
        for (EpochMetrics m : epochs) {
            double px = x.toPixel(m.iteration());
            double py = y.toPixel(m.validationNegativeElbo());
            if (!Double.isFinite(py)) {
                continue;
            }
            if (Double.isFinite(previousX)) {
                g.strokeLine(previousX, previousY, px, py);
            }
            previousX = px;
            previousY = py;
        }
        double spacing = x.scale() * (epochs.isEmpty() ? 1 : epochs.get(0).iteration());
        double radius = Math.max(2, Math.min(5, spacing / 4)) * scale;
        for (EpochMetrics m : epochs) {
            double px = x.toPixel(m.iteration());
            double py = y.toPixel(m.validationNegativeElbo());
            if (Double.isFinite(py)) {
                g.setFill(plot.theme().plotArea());
                g.fillOval(px - radius - 1.5, py - radius - 1.5, 2 * radius + 3, 2 * radius + 3);
                g.setFill(colour);
                g.fillOval(px - radius, py - radius, 2 * radius, 2 * radius);
            }
        }
    }
}
