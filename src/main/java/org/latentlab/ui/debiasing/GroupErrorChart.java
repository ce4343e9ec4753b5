package org.latentlab.ui.debiasing;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;

/**
 * The held-out reconstruction term of the rare group and of the other faces after every epoch, for
 * the plain and the debiased model: four lines, the colour saying which faces (orange the rare
 * group, blue the others) and the stroke which model (solid debiased, dashed plain), as in
 * {@code render --figure debiasing}. A few dozen points, drawn on the plot's front canvas when a new
 * epoch arrives. Confined to the JavaFX application thread.
 */
final class GroupErrorChart extends BorderPane implements Themed {

    /** The other faces: Okabe–Ito blue, as in the figure. */
    static final Color COMMON = Color.web("#0072B2");
    private static final double[] DASHES = {7, 5};

    private final PlotPane plot = new PlotPane(false);
    private final Label waiting = new Label("Each model's error on both groups is measured on the held-out faces at the"
            + " end of every epoch: the first points come when the first epoch ends.");
    private final Label solidRare = LegendEntry.line("", WeightedScatter.RARE, false);
    private final Label dashedRare = LegendEntry.dashed("rare group, plain VAE", WeightedScatter.RARE);
    private final Label solidCommon = LegendEntry.line("", COMMON, false);
    private final Label dashedCommon = LegendEntry.dashed("the other faces, plain VAE", COMMON);
    private GroupErrors plain = GroupErrors.NONE;
    private GroupErrors debiased = GroupErrors.NONE;
    private double markScale = 1;

    GroupErrorChart() {
        plot.setId("debiasing-errors");
        plot.setAxisTitles("epoch", "reconstruction, nats per face");
        plot.setOnResize(this::redraw);
        Label key = new Label("Colour: which faces. Line: which model, solid debiased, dashed plain. Lower is better:"
                + " the reconstruction term −log p(x|z) of the held-out faces.");
        key.getStyleClass().add("caption");
        key.setWrapText(true);
        key.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        FlowPane entries = new FlowPane(14, 4, solidRare, dashedRare, solidCommon, dashedCommon);
        entries.getStyleClass().add("legend");
        waiting.getStyleClass().add("note");
        waiting.setWrapText(true);
        waiting.setMaxWidth(320);
        waiting.setMouseTransparent(true);
        setCenter(new StackPane(plot, waiting));
        setBottom(new VBox(2, entries, key));
        showAlpha(Double.NaN);
        redraw();
    }

    /** Names the debiased model's α in the legend. */
    void showAlpha(double alpha) {
        String model = Double.isNaN(alpha) ? "debiased" : "debiased, α = " + DebiasingSetup.number(alpha);
        solidRare.setText("rare group, " + model);
        solidCommon.setText("the other faces, " + model);
    }

    void show(GroupErrors newPlain, GroupErrors newDebiased) {
        plain = newPlain;
        debiased = newDebiased;
        double[] range = GroupErrors.valueRange(plain, debiased);
        int last = Math.max(lastEpoch(plain), lastEpoch(debiased));
        plot.setRanges(last <= 1 ? 0.5 : 1, last <= 1 ? 1.5 : last, range[0], range[1], false);
        waiting.setVisible(last == 0);
        redraw();
    }

    private static int lastEpoch(GroupErrors errors) {
        return errors.size() == 0 ? 0 : errors.epoch(errors.size() - 1);
    }

    private void redraw() {
        GraphicsContext g = plot.clearMarks();
        line(g, debiased, true, false);
        line(g, debiased, false, false);
        line(g, plain, true, true);
        line(g, plain, false, true);
    }

    private void line(GraphicsContext g, GroupErrors errors, boolean rare, boolean dashed) {
        g.setStroke(rare ? WeightedScatter.RARE : COMMON);
        g.setFill(rare ? WeightedScatter.RARE : COMMON);
        g.setLineWidth(2.5 * markScale);
        g.setLineDashes(dashed ? new double[] {DASHES[0] * markScale, DASHES[1] * markScale} : null);
        g.beginPath();
        boolean started = false;
        for (int i = 0; i < errors.size(); i++) {
            double v = rare ? errors.rare(i) : errors.common(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            double x = plot.x().toPixel(errors.epoch(i));
            double y = plot.y().toPixel(v);
            if (started) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                started = true;
            }
        }
        g.stroke();
        g.setLineDashes((double[]) null);
        double r = (dashed ? 3 : 4) * markScale;
        for (int i = 0; i < errors.size(); i++) {
            double v = rare ? errors.rare(i) : errors.common(i);
            if (Double.isFinite(v)) {
                double x = plot.x().toPixel(errors.epoch(i));
                double y = plot.y().toPixel(v);
                if (dashed) {
                    g.setLineWidth(1.5 * markScale);
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                } else {
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                }
            }
        }
    }

    @Override
    public void setTheme(PlotTheme theme) {
        markScale = theme.markScale();
        plot.setTheme(theme);
    }

    /** The plot, for tests. */
    PlotPane plot() {
        return plot;
    }
}
