package org.latentlab.ui.likelihood;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.latentlab.lesson.ControlId;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.PosteriorPicture;

/**
 * The Likelihood tab: the true posterior p(z|x) as a heat map with q(z|x)'s 1σ and 2σ ellipses
 * over it, the −ELBO, −log p(x) and the gap between them as a bar, and the importance-sampling
 * estimate against K with a slider for K. Confined to the JavaFX application thread.
 */
public final class LikelihoodView extends VBox {

    private static final double MAP = 220;
    private static final double CURVE_WIDTH = 440;
    private static final double CURVE_HEIGHT = 150;
    private static final Color Q_COLOUR = Color.web("#d55e00");
    private static final Color ELBO_COLOUR = Color.web("#555555");
    private static final Color MARGINAL_COLOUR = Color.web("#0072b2");
    private static final Color CURVE_COLOUR = Color.web("#009e73");

    private final LikelihoodViewModel viewModel;
    private final Canvas map = new Canvas(MAP, MAP);
    private final Canvas gapBar = new Canvas(200, 16);
    private final Canvas curve = new Canvas(CURVE_WIDTH, CURVE_HEIGHT);
    private final Label title = new Label();
    private final Label numbers = new Label();
    private final Label gapText = new Label();
    private final Label estimate = new Label();
    private final Label message = new Label();
    private final Label note = new Label();
    private final VBox mapBox;

    public LikelihoodView(LikelihoodViewModel viewModel) {
        this.viewModel = viewModel;
        setId("likelihood-view");
        setSpacing(8);
        setPadding(new Insets(8));
        title.getStyleClass().add("view-title");
        title.setWrapText(true);
        numbers.setId("likelihood-numbers");
        numbers.setStyle("-fx-font-family: monospace;");
        gapText.setWrapText(true);
        gapText.setMaxWidth(220);
        map.setId("likelihood-posterior");
        Label mapCaption = new Label("the true posterior p(z|x); orange: q(z|x) at 1σ and 2σ");
        mapCaption.setWrapText(true);
        mapCaption.setMaxWidth(MAP);
        this.mapBox = new VBox(4, map, mapCaption);
        Tooltip.install(map, new Tooltip("p(x|z) p(z) / p(x) on a grid of latent points, computed exactly (2-D only);"
                + " darker is more probable. The encoder's guess q(z|x) is the orange ellipses."));
        VBox side = new VBox(6, numbers, new Label("the gap, KL(q(z|x) ‖ p(z|x)):"), gapBar, gapText);
        HBox top = new HBox(14, mapBox, side);

        Slider samples = new Slider(0, LikelihoodViewModel.SAMPLES.length - 1, viewModel.samplesIndexProperty().get());
        samples.setId(ControlId.IMPORTANCE_SAMPLES.id());
        samples.setMajorTickUnit(1);
        samples.setMinorTickCount(0);
        samples.setSnapToTicks(true);
        samples.setShowTickMarks(true);
        samples.setShowTickLabels(true);
        samples.setBlockIncrement(1);
        samples.setPrefWidth(300);
        samples.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double position) {
                int k = LikelihoodViewModel.SAMPLES[(int) Math.round(position)];
                return k == 1 || k == 10 || k == 100 || k == 1000 || k == IwaeCurve.MAX_SAMPLES
                        ? String.format(Locale.ROOT, "%,d", k) : "";
            }

            @Override
            public Double fromString(String text) {
                return 0.0;
            }
        });
        samples.valueProperty().addListener((o, was, now) ->
                viewModel.samplesIndexProperty().set((int) Math.round(now.doubleValue())));
        samples.setTooltip(new Tooltip("K, the samples of q(z|x) in the importance-sampling estimate of −log p(x):"
                + " 1 gives the ELBO on average; more samples come closer to −log p(x)"));
        estimate.setId("likelihood-estimate");
        HBox kRow = new HBox(10, new Label("K"), samples, estimate);
        kRow.setAlignment(Pos.CENTER_LEFT);

        message.setWrapText(true);
        message.setId("likelihood-message");
        note.setWrapText(true);
        getChildren().addAll(title, message, top, kRow, curve, note);

        viewModel.resultProperty().addListener(o -> redraw());
        viewModel.estimateProperty().addListener(o -> redraw());
        viewModel.messageProperty().addListener(o -> showMessage());
        note.textProperty().bind(viewModel.noteProperty());
        showMessage();
        redraw();
    }

    private void showMessage() {
        String text = viewModel.messageProperty().get();
        message.setText(text);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    private void redraw() {
        LikelihoodResult result = viewModel.resultProperty().get();
        boolean shown = result != null;
        for (Node node : new Node[] {mapBox, numbers, gapBar, gapText, curve}) {
            node.setVisible(shown);
        }
        if (!shown) {
            title.setText("Likelihood");
            estimate.setText("");
            return;
        }
        mapBox.setVisible(result.posterior() != null);
        mapBox.setManaged(result.posterior() != null);
        title.setText(String.format(Locale.ROOT, "%s, at iteration %,d", capitalised(result.subject()), result.iteration()));
        int k = viewModel.samplesProperty().get();
        double atK = viewModel.estimateProperty().get();
        String marginal = result.exact() ? "by quadrature" : String.format(Locale.ROOT, "IWAE, K = %,d", IwaeCurve.MAX_SAMPLES);
        numbers.setText(String.format(Locale.ROOT, "−ELBO        %9.2f nats%n−log p(x)    %9.2f nats%n  (%s)%ngap          %9.2f nats",
                result.negativeElbo(), result.negativeLogMarginal(), marginal, result.gap()));
        double gap = result.gap();
        double closed = result.negativeElbo() - atK;
        gapText.setText(String.format(Locale.ROOT, "The price of a Gaussian q: %.2f nats. With K = %,d samples,"
                + " importance sampling wins back %.2f of them.", gap, k, closed));
        estimate.setText(String.format(Locale.ROOT, "K = %,d: −log p̂(x) = %.2f nats", k, atK));
        drawGapBar(gap, closed);
        if (result.posterior() != null) {
            drawMap(result.posterior());
        }
        drawCurve(result, k, atK);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void drawGapBar(double gap, double closed) {
        GraphicsContext g = gapBar.getGraphicsContext2D();
        double w = gapBar.getWidth();
        double h = gapBar.getHeight();
        g.clearRect(0, 0, w, h);
        double share = gap > 0 ? Math.max(0, Math.min(1, closed / gap)) : 0;
        g.setFill(Q_COLOUR.deriveColor(0, 1, 1, 0.35));
        g.fillRect(0, 0, w, h);
        g.setFill(CURVE_COLOUR);
        g.fillRect(0, 0, w * share, h);
        g.setStroke(Color.GREY);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
    }

    /** The posterior's heat map, z₁ across and z₂ up, with q's ellipses. */
    private void drawMap(PosteriorPicture picture) {
        int cells = picture.cells();
        double[] density = picture.density();
        double peak = picture.peak();
        WritableImage image = new WritableImage(cells, cells);
        PixelWriter pixels = image.getPixelWriter();
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < cells; i++) {
                double v = peak > 0 ? density[j * cells + i] / peak : 0;
                pixels.setColor(i, cells - 1 - j, Color.WHITE.interpolate(Color.web("#08306b"), Math.sqrt(v)));
            }
        }
        GraphicsContext g = map.getGraphicsContext2D();
        g.setImageSmoothing(false);
        g.clearRect(0, 0, MAP, MAP);
        g.drawImage(image, 0, 0, MAP, MAP);
        double scale = MAP / (cells * picture.step());
        double left = picture.first1() - picture.step() / 2;
        double bottom = picture.first2() - picture.step() / 2;
        double cx = (picture.qMean()[0] - left) * scale;
        double cy = MAP - (picture.qMean()[1] - bottom) * scale;
        g.setStroke(Q_COLOUR);
        for (int k = 1; k <= 2; k++) {
            g.setLineWidth(k == 1 ? 2 : 1.2);
            double rx = k * picture.qStd()[0] * scale;
            double ry = k * picture.qStd()[1] * scale;
            g.strokeOval(cx - rx, cy - ry, 2 * rx, 2 * ry);
        }
        g.setFill(Q_COLOUR);
        g.fillOval(cx - 3, cy - 3, 6, 6);
        g.setStroke(Color.GREY);
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, MAP - 1, MAP - 1);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(String.format(Locale.ROOT, "z₁ %.2f … %.2f, z₂ %.2f … %.2f", left, left + cells * picture.step(),
                bottom, bottom + cells * picture.step()), 4, MAP - 2);
    }

    /** The IWAE estimate against K on a log axis, between the −ELBO and −log p(x), the slider's K marked. */
    private void drawCurve(LikelihoodResult result, int k, double atK) {
        GraphicsContext g = curve.getGraphicsContext2D();
        g.clearRect(0, 0, CURVE_WIDTH, CURVE_HEIGHT);
        int[] ks = result.curve().samples();
        double[] values = result.curve().negativeLogMarginal();
        double low = result.negativeLogMarginal();
        double high = result.negativeElbo();
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        double pad = Math.max(0.05, 0.1 * (high - low));
        low -= pad;
        high += pad;
        double left = 56;
        double right = CURVE_WIDTH - 8;
        double top = 8;
        double bottom = CURVE_HEIGHT - 26;
        double logMax = Math.log10(IwaeCurve.MAX_SAMPLES);
        double finalLow = low;
        double finalHigh = high;
        DoubleUnaryOperator x = kk -> left + (right - left) * Math.log10(kk) / logMax;
        DoubleUnaryOperator y = v -> bottom - (bottom - top) * (v - finalLow) / (finalHigh - finalLow);
        g.setFont(Font.font(10));
        g.setStroke(Color.GREY);
        g.setLineWidth(1);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int tick : new int[] {1, 10, 100, 1000, IwaeCurve.MAX_SAMPLES}) {
            g.fillText(String.format(Locale.ROOT, "%,d", tick), x.applyAsDouble(tick), bottom + 2);
        }
        g.fillText("K, importance samples (log scale)", (left + right) / 2, bottom + 13);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(String.format(Locale.ROOT, "%.1f", finalHigh), left - 4, top + 4);
        g.fillText(String.format(Locale.ROOT, "%.1f", finalLow), left - 4, bottom - 4);
        g.fillText("nats", left - 4, (top + bottom) / 2);
        level(g, y.applyAsDouble(result.negativeElbo()), left, right, ELBO_COLOUR, "−ELBO");
        level(g, y.applyAsDouble(result.negativeLogMarginal()), left, right, MARGINAL_COLOUR,
                result.exact() ? "−log p(x), quadrature" : "IWAE, K = 5,000");
        g.setStroke(CURVE_COLOUR);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < ks.length; i++) {
            if (i == 0) {
                g.moveTo(x.applyAsDouble(ks[i]), y.applyAsDouble(values[i]));
            } else {
                g.lineTo(x.applyAsDouble(ks[i]), y.applyAsDouble(values[i]));
            }
        }
        g.stroke();
        g.setFill(CURVE_COLOUR);
        for (int i = 0; i < ks.length; i++) {
            g.fillOval(x.applyAsDouble(ks[i]) - 2.5, y.applyAsDouble(values[i]) - 2.5, 5, 5);
        }
        g.setStroke(Color.BLACK);
        g.setLineWidth(1.5);
        g.strokeOval(x.applyAsDouble(k) - 5, y.applyAsDouble(atK) - 5, 10, 10);
    }

    private static void level(GraphicsContext g, double py, double left, double right, Color colour, String label) {
        g.setStroke(colour);
        g.setLineWidth(1);
        g.setLineDashes(5, 4);
        g.strokeLine(left, py, right, py);
        g.setLineDashes();
        g.setFill(colour);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(label, right - 4, py - 1);
    }
}
