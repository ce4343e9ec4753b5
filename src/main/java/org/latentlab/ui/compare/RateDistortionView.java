package org.latentlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.render.NiceTicks;
import org.latentlab.training.RateDistortionTrail;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;

/**
 * The models' paths through the rate–distortion plane, live: rate (the KL term) across, distortion
 * (the reconstruction term) up, each VAE a line in its panel's colour from a hollow dot where
 * training began to a filled dot where it is now. Grey diagonals join points of equal −ELBO (rate +
 * distortion), so moving along one trades one term for the other at no cost to the bound.
 * Confined to the JavaFX application thread.
 */
final class RateDistortionView extends BorderPane {

    private static final Color ISO_ELBO = Color.web("#B8B8B8");

    private final PlotPane plot = new PlotPane(false);
    private final FlowPane legend = new FlowPane(10, 2);
    private final Label note = new Label();
    private List<RateDistortionCurve> curves = List.of();

    RateDistortionView() {
        plot.setAxisTitles("rate: KL (nats)", "distortion (nats)");
        plot.setMinSize(160, 160);
        plot.setPrefSize(260, 300);
        plot.setOnResize(this::redraw);
        note.getStyleClass().add("note");
        note.setWrapText(true);
        legend.setPadding(new Insets(2, 6, 2, 6));
        legend.setPrefWrapLength(200);
        note.setPadding(new Insets(0, 6, 4, 6));
        setCenter(plot);
        setBottom(new VBox(2, legend, note));
        getStyleClass().add("rate-distortion");
    }

    /** The note under the plot. */
    Label note() {
        return note;
    }

    void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
    }

    void show(List<RateDistortionCurve> newCurves) {
        boolean sameModels = newCurves.size() == curves.size();
        for (int i = 0; sameModels && i < newCurves.size(); i++) {
            sameModels = newCurves.get(i).label().equals(curves.get(i).label());
        }
        curves = newCurves;
        if (!sameModels) {
            List<Node> entries = new ArrayList<>();
            for (RateDistortionCurve curve : curves) {
                entries.add(LegendEntry.line(curve.label(), Color.web(curve.colourHex()), false));
            }
            legend.getChildren().setAll(entries);
        }
        redraw();
    }

    /** The plot, for tests and export. */
    PlotPane plot() {
        return plot;
    }

    private void redraw() {
        double[] range = RateDistortionCurve.ranges(curves);
        plot.setRanges(0, range[0], range[1], range[2], false);
        plot.raster().clear();
        plot.raster().show();
        GraphicsContext g = plot.clearMarks();
        AxisMapping x = plot.x();
        AxisMapping y = plot.y();
        drawIsoElbo(g, x, y);
        for (RateDistortionCurve curve : curves) {
            drawPath(g, curve, x, y);
        }
    }

    /** Lines of rate + distortion = c at round values of c. */
    private static void drawIsoElbo(GraphicsContext g, AxisMapping x, AxisMapping y) {
        g.setStroke(ISO_ELBO);
        g.setLineWidth(1);
        for (double c : NiceTicks.linear(y.min(), y.max() + x.max(), 8).values()) {
            double x1 = Math.min(x.max(), c - y.min());
            if (x1 > 0) {
                g.strokeLine(x.toPixel(0), y.toPixel(c), x.toPixel(x1), y.toPixel(c - x1));
            }
        }
    }

    private void drawPath(GraphicsContext g, RateDistortionCurve curve, AxisMapping x, AxisMapping y) {
        RateDistortionTrail t = curve.trail();
        double[] xs = new double[t.size()];
        double[] ys = new double[t.size()];
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (Float.isFinite(t.rates()[i]) && Float.isFinite(t.distortions()[i])) {
                xs[n] = x.toPixel(t.rates()[i]);
                ys[n] = y.toPixel(t.distortions()[i]);
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        Color colour = Color.web(curve.colourHex());
        g.setStroke(colour);
        g.setLineWidth(2.5);
        g.strokePolyline(xs, ys, n);
        g.setFill(plot.theme().plotArea());
        g.fillOval(xs[0] - 4, ys[0] - 4, 8, 8);
        g.setLineWidth(2);
        g.strokeOval(xs[0] - 4, ys[0] - 4, 8, 8);
        g.setFill(plot.theme().plotArea());
        g.fillOval(xs[n - 1] - 7, ys[n - 1] - 7, 14, 14);
        g.setFill(colour);
        g.fillOval(xs[n - 1] - 5.5, ys[n - 1] - 5.5, 11, 11);
    }
}
