package org.latentlab.ui.loss;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.latentlab.render.Palette;
import org.latentlab.training.EpochLikelihood;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.PlotTheme;

/**
 * Draws the per-epoch held-out likelihood on the loss chart's marks layer: the −ELBO of the subset
 * as a dashed line in the held-out −ELBO's colour, −log p(x) by importance sampling as a solid line
 * with dots, the gap between them shaded and, under the last point, the gap in words (on the
 * chart, so that it takes no height from a 720-pixel screen); and their legend entry. Confined to the
 * JavaFX application thread.
 */
final class HeldOutLikelihoodMarks {

    /** How opaque the band of the gap is. */
    private static final double BAND_ALPHA = 0.22;

    private HeldOutLikelihoodMarks() {
    }

    /** The lines' colour: the importance-sampled −log p(x) and its band. */
    static Color colour() {
        return Color.web(Palette.HELD_OUT_LIKELIHOOD_HEX);
    }

    /** The dashed line's colour: that of the held-out −ELBO, since it is one, on fewer images. */
    static Color elboColour() {
        return Color.web(Palette.VALIDATION_HEX);
    }

    /**
     * The lines' legend entry, one for both to keep the legend short: the importance-sampled line's
     * name over two lines, the second saying that the dashed line is the same images' −ELBO; or a
     * faint entry saying why there are none.
     */
    static Label legendEntry(HeldOutLikelihoodLines lines) {
        String label = lines.label();
        int second = label.lastIndexOf(", ");
        Label entry = LegendEntry.line(lines.missing() != null || second < 0 ? label.replaceFirst(", ", "\n")
                : label.substring(0, second) + "\n" + label.substring(second + 2) + ", dashed: their −ELBO", colour(),
                lines.missing() != null);
        entry.setId("loss-likelihood-legend");
        if (lines.missing() == null) {
            entry.setTooltip(new Tooltip("After each epoch, on a background thread from a copy of that epoch's weights:"
                    + " −log p(x) estimated by importance sampling with K samples from q(z|x) per image (IWAE), on a"
                    + " fixed, seeded subset of the held-out images; dashed, " + lines.elboLabel() + ": the mean of"
                    + " −log p(x|z) over the same samples plus KL(q(z|x) ‖ N(0, I)). IWAE lies above the true −log p(x)"
                    + " on average and below the −ELBO; the shaded band between them is the gap, on average a lower"
                    + " bound on the mean KL(q(z|x) ‖ p(z|x))"));
        }
        return entry;
    }

    /**
     * Draws {@code lines} (in nats) through {@code x} and {@code y} (a mapping from nats to pixels),
     * and {@code gap}, the gap after the last epoch in words, under the last point.
     */
    static void draw(GraphicsContext g, HeldOutLikelihoodLines lines, String gap, AxisMapping x, AxisMapping y,
            PlotTheme theme) {
        if (!lines.drawn()) {
            return;
        }
        List<EpochLikelihood> points = lines.estimates();
        int n = points.size();
        double[] px = new double[n];
        double[] iwae = new double[n];
        double[] elbo = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = x.toPixel(points.get(i).iteration());
            iwae[i] = y.toPixel(points.get(i).negativeLogMarginal());
            elbo[i] = y.toPixel(points.get(i).negativeElbo());
        }
        double scale = theme.markScale();
        double halfBand = n == 1 ? 4 * scale : 0; // a single epoch: a short bar, so the gap shows at once
        double[] bandX = new double[2 * n + (n == 1 ? 2 : 0)];
        double[] bandY = new double[bandX.length];
        int k = 0;
        for (int i = 0; i < n; i++) {
            bandX[k] = px[i] - halfBand;
            bandY[k++] = elbo[i];
            if (n == 1) {
                bandX[k] = px[i] + halfBand;
                bandY[k++] = elbo[i];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            bandX[k] = px[i] + halfBand;
            bandY[k++] = iwae[i];
            if (n == 1) {
                bandX[k] = px[i] - halfBand;
                bandY[k++] = iwae[i];
            }
        }
        if (allFinite(bandY)) {
            g.setFill(colour().deriveColor(0, 1, 1, BAND_ALPHA));
            g.fillPolygon(bandX, bandY, bandX.length);
        }
        g.setLineWidth(1.5 * scale);
        g.setStroke(elboColour());
        g.setLineDashes(5 * scale, 4 * scale);
        g.strokePolyline(px, elbo, n);
        g.setLineDashes();
        g.setLineWidth(2 * scale);
        g.setStroke(colour());
        g.strokePolyline(px, iwae, n);
        double radius = 3 * scale;
        for (int i = 0; i < n; i++) {
            g.setFill(theme.plotArea());
            g.fillOval(px[i] - radius - 1.5, iwae[i] - radius - 1.5, 2 * radius + 3, 2 * radius + 3);
            g.setFill(colour());
            g.fillOval(px[i] - radius, iwae[i] - radius, 2 * radius, 2 * radius);
            g.setStroke(elboColour());
            g.setLineWidth(1.5 * scale);
            g.strokeOval(px[i] - radius, elbo[i] - radius, 2 * radius, 2 * radius);
        }
        g.setFill(colour());
        Font font = Font.font(theme.fontSize());
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        // Ending at the last point, moved right as far as needed to start inside the plot, and left
        // to end inside it: a narrow plot early in training has room on neither side of the point.
        double width = textWidth(gap, font);
        double left = Math.min(x.pixelStart(), x.pixelEnd());
        double right = Math.max(x.pixelStart(), x.pixelEnd());
        double start = Math.max(left, Math.min(px[n - 1] - radius - width, right - width));
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(gap, start, Math.max(iwae[n - 1], elbo[n - 1]) + 2 * radius + 2);
        g.setTextBaseline(VPos.BASELINE);
    }

    private static double textWidth(String text, Font font) {
        Text measured = new Text(text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
