package org.latentlab.ui.debiasing;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import org.latentlab.render.MarkerShape;
import org.latentlab.ui.plot.Colours;
import org.latentlab.ui.plot.LegendEntry;
import org.latentlab.ui.plot.MarkerSprite;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Raster;
import org.latentlab.ui.plot.Themed;

/**
 * The debiased model's held-out faces in latent space: the other faces in faint grey, the rare group
 * in orange on top of them, and every dot's area in proportion to its sampling weight, so the faces
 * the sampler favours are the large dots. Dots are stamped into the plot's raster (a few thousand in
 * about a millisecond), redrawn only when new points arrive or the plot is resized. Confined to the
 * JavaFX application thread.
 */
final class WeightedScatter extends BorderPane implements Themed {

    /** The rare group: Okabe–Ito vermillion, as in {@code render --figure debiasing}. */
    static final Color RARE = Color.web("#D55E00");
    /** The other faces' dots. */
    static final Color COMMON_DOT = Color.web("#8C8C8C");
    /** The radius of a dot of weight 1, in pixels before presentation mode's scale. */
    private static final double BASE_RADIUS = 2.6;
    private static final double MIN_RADIUS = 1.2;
    private static final double MAX_RADIUS = 13;
    /** Radii are drawn in steps of this many pixels, so that a few sprites serve every dot. */
    private static final double RADIUS_STEP = 0.25;

    private final PlotPane plot = new PlotPane(true);
    private final Map<Long, int[]> weightsByRadius = new HashMap<>();
    private final Map<Long, MarkerSprite> sprites = new HashMap<>();
    private WeightedPoints shown;
    private double markScale = 1;

    WeightedScatter() {
        plot.setId("debiasing-scatter");
        plot.setOnResize(this::redraw);
        FlowPane legend = new FlowPane(14, 4,
                LegendEntry.marker("rare group", RARE, MarkerShape.CIRCLE),
                LegendEntry.marker("the other faces", COMMON_DOT, MarkerShape.CIRCLE));
        legend.getStyleClass().add("legend");
        setCenter(plot);
        setBottom(legend);
    }

    /** Shows {@code points} (nothing for {@code null}). */
    void show(WeightedPoints points) {
        shown = points;
        if (points != null) {
            double half = halfSpan(points);
            plot.setRanges(-half, half, -half, half, false);
            plot.setAxisTitles(points.points().xTitle(), points.points().yTitle());
        }
        redraw();
    }

    /** A whole number of units round the farthest point, at least 3, so the axes do not jitter. */
    static double halfSpan(WeightedPoints points) {
        double far = 3;
        float[] xs = points.points().xs();
        float[] ys = points.points().ys();
        for (int i = 0; i < xs.length; i++) {
            if (Float.isFinite(xs[i]) && Float.isFinite(ys[i])) {
                far = Math.max(far, Math.max(Math.abs(xs[i]), Math.abs(ys[i])));
            }
        }
        return Math.ceil(far);
    }

    /** The radius of a dot of sampling weight {@code weight}: its area is proportional to the weight. */
    static double radius(double weight) {
        double r = BASE_RADIUS * Math.sqrt(Math.max(0, weight));
        return Double.isFinite(r) ? Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, r)) : MAX_RADIUS;
    }

    private void redraw() {
        Raster raster = plot.raster();
        raster.clear();
        if (shown != null) {
            float[] xs = shown.points().xs();
            float[] ys = shown.points().ys();
            // The others first, faint, then the rare group on top of them.
            for (boolean rarePass : new boolean[] {false, true}) {
                int rgb = Colours.rgb(rarePass ? RARE : COMMON_DOT);
                double alpha = rarePass ? 0.8 : 0.35;
                for (int i = 0; i < shown.size(); i++) {
                    if (shown.isRare(i) != rarePass || !Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                        continue;
                    }
                    long step = Math.round(radius(shown.weight(i)) * markScale / RADIUS_STEP);
                    raster.stamp(sprite(step), weights(step, alpha), plot.x().toPixel(xs[i]),
                            plot.y().toPixel(ys[i]), rgb);
                }
            }
        }
        raster.show();
    }

    private MarkerSprite sprite(long step) {
        return sprites.computeIfAbsent(step, s -> new MarkerSprite(Math.min(32, s * RADIUS_STEP)));
    }

    private int[] weights(long step, double alpha) {
        long key = step * 2 + (alpha > 0.5 ? 1 : 0);
        return weightsByRadius.computeIfAbsent(key, k -> sprite(step).weights(alpha));
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
