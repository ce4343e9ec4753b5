package org.latentlab.ui.compare;

import java.util.function.IntConsumer;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.latentlab.render.Scatter;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Raster;
import org.latentlab.ui.scatter.ClassMarkers;
import org.latentlab.ui.scatter.ScatterDrawing;
import org.latentlab.ui.scatter.ScatterPoints;
import org.latentlab.ui.scatter.Viewport;

/**
 * One panel's latent scatter: the probe images' codes coloured by class, drawn as the explorer's
 * scatter draws them ({@link ScatterDrawing}) but small and on the axes every panel shares, with
 * the prior's 1σ and 2σ circles and a ring round the image selected in any panel. A click picks the
 * nearest dot. Keeps its plot square. The Conditional tab draws its pair of scatters with it too.
 * Confined to the JavaFX application thread.
 */
public final class CompareScatter extends Region {

    /** The radius of a disc of a marker's area, in pixels, before the theme's scale. */
    private static final double MARKER_RADIUS = 2.2;
    private static final double PICK_RADIUS_PX = 7;
    /** The prior's circles are named only when the 1σ circle is at least this wide, in pixels. */
    private static final double NAMED_CONTOUR_RADIUS = 18;
    private static final Color SELECTION = Color.web("#FFB000");

    private final PlotPane plot = new PlotPane(true);
    private ScatterPoints points;
    private Viewport viewport = Viewport.PRIOR;
    private int selected = -1;
    private int highlighted = -1;
    private int[] drawOrder = new int[0];
    private ClassMarkers markers;
    private IntConsumer onSelect = index -> { };

    public CompareScatter() {
        plot.setTickLabels(false);
        plot.setMinSize(60, 60);
        getChildren().add(plot);
        getStyleClass().add("compare-scatter");
        setMinSize(60, 60);
        plot.setOnResize(this::redraw);
        plot.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** Asks for a square of {@code width}: the pane is as tall as it is wide. */
    @Override
    protected double computePrefHeight(double width) {
        return width > 0 ? width : super.computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        plot.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    void onSelect(IntConsumer action) {
        onSelect = action;
    }

    public void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
    }

    /** Draws {@code newPoints}; {@code null}: none. */
    public void show(ScatterPoints newPoints) {
        if (newPoints != null && (points == null || points.size() != newPoints.size())) {
            drawOrder = Scatter.drawingOrder(newPoints.size());
        }
        points = newPoints;
        redraw();
    }

    public void setViewport(Viewport view) {
        if (view.equals(viewport)) {
            return;
        }
        viewport = view;
        redraw();
    }

    /** Rings point {@code index}; −1: none. */
    public void setSelected(int index) {
        if (index == selected) {
            return;
        }
        selected = index;
        drawMarks();
    }

    /** The probe image ringed now, or −1: what the last drawing showed, for tests. */
    public int highlighted() {
        return highlighted;
    }

    /** Where point {@code index} is drawn, in this pane's coordinates; {@code null} if there is none. */
    Point2D positionOf(int index) {
        if (points == null || index < 0 || index >= points.size()) {
            return null;
        }
        return plot.paneAt(points.xs()[index], points.ys()[index]);
    }

    /** The plot, for tests. */
    PlotPane plot() {
        return plot;
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || points == null) {
            return;
        }
        Point2D value = plot.valueAt(e.getX(), e.getY());
        if (value != null) {
            onSelect.accept(points.nearest(value.getX(), value.getY(), PICK_RADIUS_PX / plot.x().scale()));
        }
    }

    private void redraw() {
        plot.setRanges(viewport.xMin(), viewport.xMax(), viewport.yMin(), viewport.yMax(), false);
        Raster raster = plot.raster();
        raster.clear();
        if (points != null) {
            markers = ScatterDrawing.markers(markers, points.classNames().size(),
                    MARKER_RADIUS * plot.theme().markScale(), ScatterDrawing.markerOpacity(plot.theme().isDark()));
            ScatterDrawing.drawPoints(raster, plot.x(), plot.y(), points, drawOrder, markers);
        }
        raster.show();
        drawMarks();
    }

    private void drawMarks() {
        GraphicsContext g = plot.clearMarks();
        AxisMapping x = plot.x();
        AxisMapping y = plot.y();
        ScatterDrawing.drawPriorContours(g, x, y, plot.theme().reference(), x.scale() >= NAMED_CONTOUR_RADIUS,
                plot.theme().markScale());
        highlighted = -1;
        if (points == null || selected < 0 || selected >= points.size()) {
            return;
        }
        double px = x.toPixel(points.xs()[selected]);
        double py = y.toPixel(points.ys()[selected]);
        // Clamped to the edge, so a selected code outside the axes still shows which way it lies.
        double cx = Math.max(0, Math.min(plot.raster().width(), px));
        double cy = Math.max(0, Math.min(plot.raster().height(), py));
        g.setFill(SELECTION);
        g.fillOval(cx - 4, cy - 4, 8, 8);
        ScatterDrawing.ring(g, cx, cy, 8, plot.theme().text(), 2.5);
        ScatterDrawing.ring(g, cx, cy, 10.5, SELECTION, 2);
        highlighted = selected;
    }
}
