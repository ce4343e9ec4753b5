package org.latentlab.ui.compare;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.render.NiceTicks;
import org.latentlab.render.Palette;
import org.latentlab.ui.loss.ColumnSummary;
import org.latentlab.ui.loss.LossChartViewModel;
import org.latentlab.ui.loss.LossLines;
import org.latentlab.ui.loss.LossSeries;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.Colours;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Raster;

/**
 * A panel's small loss curve: the running means of its reconstruction term (blue) and KL term
 * (vermillion) over the iterations, on a logarithmic axis every panel shares, so that a KL falling
 * to nothing and a KL climbing to forty nats look like what they are side by side. The decades are
 * labelled inside the plot. Confined to the JavaFX application thread.
 */
final class LossSparkline extends Region {

    private static final double LINE_HALF_WIDTH = 1.1;

    private final PlotPane plot = new PlotPane(false);
    private LossSeries series;
    private double[] range = {1, 1000};

    LossSparkline() {
        plot.setTickLabels(false);
        plot.setMinSize(60, 40);
        getChildren().add(plot);
        setMinSize(60, 40);
        setPrefHeight(58);
        plot.setOnResize(this::redraw);
    }

    @Override
    protected void layoutChildren() {
        plot.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
    }

    void show(LossSeries newSeries) {
        series = newSeries;
        redraw();
    }

    void setRange(double[] newRange) {
        if (Arrays.equals(newRange, range)) {
            return;
        }
        range = newRange;
        redraw();
    }

    private void redraw() {
        double xMax = series == null ? 10 : LossChartViewModel.xMax(series);
        plot.setRanges(0, xMax, range[0], range[1], true);
        Raster raster = plot.raster();
        raster.clear();
        if (series != null && series.size() > 0) {
            int window = LossChartViewModel.smoothingWindow(series.size());
            for (LossSeries.Term term : LossChartViewModel.terms(series)) {
                if (term == LossSeries.Term.TOTAL) {
                    continue;
                }
                ColumnSummary summary = ColumnSummary.of(series, term, raster.width(), xMax, window);
                String hex = term == LossSeries.Term.KL ? Palette.KL_HEX : Palette.RECONSTRUCTION_HEX;
                LossLines.drawSmoothed(raster, summary, plot.y(), Colours.rgb(hex), LINE_HALF_WIDTH);
            }
        }
        raster.show();
        labelDecades();
    }

    /** The decade grid lines' values, small, at the left inside the plot. */
    private void labelDecades() {
        GraphicsContext g = plot.clearMarks();
        AxisMapping y = plot.y();
        Color text = plot.theme().text();
        g.setFill(Color.color(text.getRed(), text.getGreen(), text.getBlue(), 0.7));
        g.setFont(Font.font(plot.theme().fontSize() * 0.9));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        double lastLabelled = Double.POSITIVE_INFINITY;
        double spacing = plot.theme().fontSize();
        for (double value : NiceTicks.logarithmic(range[0], range[1]).values()) {
            double py = y.toPixel(value);
            if (py > spacing && py <= plot.raster().height() && lastLabelled - py >= spacing) {
                g.fillText(AxisMapping.label(value), 2, py - 1);
                lastLabelled = py;
            }
        }
    }
}
