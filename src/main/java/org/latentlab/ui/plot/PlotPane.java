package org.latentlab.ui.plot;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A plot surface in three layers: a Canvas behind with the frame, grid lines, ticks and axis
 * titles (redrawn only when the axes or the size change); a {@link Raster} with the data; and a
 * Canvas in front for a few marks that follow the mouse or the selection. The owner draws the
 * data and the marks; this pane keeps the layers aligned and the axes drawn.
 *
 * <p>Follows the HanSolo {@code XYPane} skeleton: {@code initGraphics → registerListeners →
 * resize → redraw}. Confined to the JavaFX application thread.
 */
public final class PlotPane extends Region {

    private static final double TOP = 12;
    private static final double RIGHT = 16;
    private static final double TICK = 5;
    /** The margin round a plot without tick labels. */
    private static final double BARE_MARGIN = 3;

    private final Canvas back = new Canvas();
    private final ImageView data = new ImageView();
    private final Canvas front = new Canvas();
    private final boolean equalScales;

    private PlotTheme theme = PlotTheme.LIGHT;
    private String xTitle = "";
    private String yTitle = "";
    private double xMin = 0;
    private double xMax = 1;
    private double yMin = 0;
    private double yMax = 1;
    private boolean yLog;
    private boolean tickLabels = true;
    private Raster raster = new Raster(1, 1);
    private AxisMapping x = AxisMapping.linear(0, 1, 0, 1);
    private AxisMapping y = AxisMapping.linear(0, 1, 1, 0);
    private double plotLeft;
    private double plotTop;
    private Runnable onResize = () -> { };

    /**
     * @param equalScales keep one unit the same length on both axes (a latent space), with the
     *                    plot area square and centred
     */
    public PlotPane(boolean equalScales) {
        this.equalScales = equalScales;
        initGraphics();
        registerListeners();
    }

    private void initGraphics() {
        data.setImage(raster.image());
        data.setMouseTransparent(true);
        data.getStyleClass().add("plot-area"); // for tests that find where the data is drawn
        front.setMouseTransparent(true);
        getChildren().addAll(back, data, front);
        getStyleClass().add("plot-pane");
        setMinSize(200, 160);
        setPrefSize(520, 420);
    }

    private void registerListeners() {
        widthProperty().addListener(o -> resize());
        heightProperty().addListener(o -> resize());
    }

    /** Called after a resize has made a new raster; the owner redraws its data and marks into it. */
    public void setOnResize(Runnable action) {
        this.onResize = action;
    }

    public void setTheme(PlotTheme newTheme) {
        theme = newTheme;
        layoutAxes();
        onResize.run();
    }

    public PlotTheme theme() {
        return theme;
    }

    public void setAxisTitles(String horizontal, String vertical) {
        if (horizontal.equals(xTitle) && vertical.equals(yTitle)) {
            return;
        }
        xTitle = horizontal;
        yTitle = vertical;
        resize();
    }

    /**
     * Whether the ticks are labelled with their values. Without labels the plot takes nearly all
     * of the pane, for small plots whose ranges are said elsewhere; grid lines stay.
     */
    public void setTickLabels(boolean shown) {
        tickLabels = shown;
        resize();
    }

    /**
     * Sets the ranges the axes show. Returns whether anything changed (the caller then redraws its
     * data, whose pixel positions moved).
     */
    public boolean setRanges(double newXMin, double newXMax, double newYMin, double newYMax, boolean logarithmicY) {
        if (newXMin == xMin && newXMax == xMax && newYMin == yMin && newYMax == yMax && logarithmicY == yLog) {
            return false;
        }
        xMin = newXMin;
        xMax = newXMax;
        yMin = newYMin;
        yMax = newYMax;
        yLog = logarithmicY;
        layoutAxes();
        return true;
    }

    /** The horizontal axis, in the raster's pixels. */
    public AxisMapping x() {
        return x;
    }

    /** The vertical axis, in the raster's pixels (values grow upwards). */
    public AxisMapping y() {
        return y;
    }

    /** The data layer, as large as the plot area. */
    public Raster raster() {
        return raster;
    }

    /** Clears the marks layer. */
    public GraphicsContext clearMarks() {
        GraphicsContext g = front.getGraphicsContext2D();
        g.clearRect(0, 0, front.getWidth(), front.getHeight());
        return g;
    }

    /** A point of this pane (mouse coordinates) in the raster's pixels. */
    public Point2D toPlotPixels(double paneX, double paneY) {
        return new Point2D(paneX - plotLeft, paneY - plotTop);
    }

    /** Whether a point of this pane lies over the plot area. */
    public boolean isOverPlot(double paneX, double paneY) {
        Point2D p = toPlotPixels(paneX, paneY);
        return p.getX() >= 0 && p.getY() >= 0 && p.getX() < raster.width() && p.getY() < raster.height();
    }

    /** The axes' values under a point of this pane (mouse coordinates); {@code null} off the plot area. */
    public Point2D valueAt(double paneX, double paneY) {
        if (!isOverPlot(paneX, paneY)) {
            return null;
        }
        Point2D p = toPlotPixels(paneX, paneY);
        return new Point2D(x.toValue(p.getX()), y.toValue(p.getY()));
    }

    /** Where the axes' values (xValue, yValue) are drawn, in this pane's coordinates. */
    public Point2D paneAt(double xValue, double yValue) {
        return new Point2D(plotLeft + x.toPixel(xValue), plotTop + y.toPixel(yValue));
    }

    private void resize() {
        layoutAxes();
        onResize.run();
    }

    private void layoutAxes() {
        double width = getWidth();
        double height = getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        double font = theme.fontSize();
        double labels = tickLabels ? 3.6 * font + 14 : BARE_MARGIN;
        double left = yTitle.isEmpty() ? labels : labels + font * 1.6;
        double ticks = tickLabels ? font * 1.4 + TICK : 0;
        double bottom = ticks + (xTitle.isEmpty() ? (tickLabels ? 8 : BARE_MARGIN) : font * 1.6 + 8);
        double top = tickLabels ? TOP : BARE_MARGIN;
        double right = tickLabels ? Math.max(RIGHT, 1.4 * font) : BARE_MARGIN; // half the last tick label
        double plotWidth = Math.max(10, width - left - right);
        double plotHeight = Math.max(10, height - top - bottom);
        plotLeft = left;
        plotTop = top;
        if (equalScales) {
            double side = Math.min(plotWidth, plotHeight);
            plotLeft = left + Math.floor((plotWidth - side) / 2);
            plotTop = top + Math.floor((plotHeight - side) / 2);
            plotWidth = side;
            plotHeight = side;
        }
        int w = (int) Math.floor(plotWidth);
        int h = (int) Math.floor(plotHeight);
        if (w != raster.width() || h != raster.height()) {
            raster = new Raster(w, h);
            data.setImage(raster.image());
            front.setWidth(w);
            front.setHeight(h);
        }
        x = new AxisMapping(xMin, xMax, 0, w, false);
        y = new AxisMapping(yMin, yMax, h, 0, yLog);
        data.relocate(plotLeft, plotTop);
        front.relocate(plotLeft, plotTop);
        back.setWidth(width);
        back.setHeight(height);
        drawAxes();
    }

    private void drawAxes() {
        GraphicsContext g = back.getGraphicsContext2D();
        double width = back.getWidth();
        double height = back.getHeight();
        g.setFill(theme.background());
        g.fillRect(0, 0, width, height);
        g.setFill(theme.plotArea());
        g.fillRect(plotLeft, plotTop, raster.width(), raster.height());
        g.setFont(Font.font(theme.fontSize()));
        g.setLineWidth(1);

        List<Double> xTicks = x.ticks(theme.fontSize() * 6);
        List<Double> yTicks = y.ticks(theme.fontSize() * 3.5);
        for (double v : xTicks) {
            double px = Math.round(plotLeft + x.toPixel(v)) + 0.5;
            g.setStroke(theme.gridLine());
            g.strokeLine(px, plotTop, px, plotTop + raster.height());
            if (!tickLabels) {
                continue;
            }
            g.setStroke(theme.axis());
            g.strokeLine(px, plotTop + raster.height(), px, plotTop + raster.height() + TICK);
            g.setFill(theme.text());
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(AxisMapping.label(v), px, plotTop + raster.height() + TICK + 2);
        }
        for (double v : yTicks) {
            double py = Math.round(plotTop + y.toPixel(v)) + 0.5;
            g.setStroke(theme.gridLine());
            g.strokeLine(plotLeft, py, plotLeft + raster.width(), py);
            if (!tickLabels) {
                continue;
            }
            g.setStroke(theme.axis());
            g.strokeLine(plotLeft - TICK, py, plotLeft, py);
            g.setFill(theme.text());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(AxisMapping.label(v), plotLeft - TICK - 3, py);
        }
        g.setStroke(theme.axis());
        g.setLineWidth(theme.markScale());
        g.strokeRect(plotLeft - 0.5, plotTop - 0.5, raster.width() + 1, raster.height() + 1);

        g.setFill(theme.text());
        g.setFont(Font.font(theme.fontSize() * 1.1));
        if (!xTitle.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText(xTitle, plotLeft + raster.width() / 2.0, height - 4);
        }
        if (!yTitle.isEmpty()) {
            g.save();
            g.translate(theme.fontSize() * 0.9, plotTop + raster.height() / 2.0);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yTitle, 0, 0);
            g.restore();
        }
    }

    @Override
    protected void layoutChildren() {
        // Children are placed by layoutAxes().
    }
}
