package org.latentlab.ui.scatter;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.latentlab.lesson.ControlId;
import org.latentlab.latent.LatentGrid;
import org.latentlab.render.Scatter;
import org.latentlab.ui.plot.AxisMapping;
import org.latentlab.ui.plot.GrayImage;
import org.latentlab.ui.plot.PlotPane;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Raster;

/**
 * The latent scatter: the probe images' latent means as dots coloured by class, the prior's 1σ and
 * 2σ contours, optionally the manifold grid's cells, and what another view asks to draw over them
 * (a moved point's path, interpolations, a drawing's posterior: {@link ScatterOverlay}); hover a dot to see its image, click it to see
 * its posterior ellipse and its reconstruction; scroll to zoom, drag to pan, Fit to see everything.
 * Confined to the JavaFX application thread.
 */
public final class LatentScatterView extends BorderPane {

    private static final double PICK_RADIUS_PX = 8;
    private static final double HOVER_IMAGE_SIZE = 84;
    private static final double SELECTED_IMAGE_SIZE = 72;
    /** The straight interpolation (Okabe–Ito blue), as in the interpolation view. */
    public static final String LINEAR_HEX = "#0072B2";
    /** The spherical interpolation (Okabe–Ito vermillion), as in the interpolation view. */
    public static final String SPHERICAL_HEX = "#D55E00";

    private final LatentScatterViewModel viewModel;
    private final PlotPane plot = new PlotPane(true);
    private final ScatterKey key;
    private final Label note = new Label();
    private final ImageView hoverImage = new ImageView();
    private final VBox hoverBox = new VBox(hoverImage);
    private final ImageView selectedInput = new ImageView();
    private final ImageView selectedReconstruction = new ImageView();
    private final Label selectionText = new Label();
    private final VBox selectionBox;

    private int[] drawOrder = new int[0];
    private ClassMarkers markers;
    private boolean pointsDirty;
    private boolean marksDirty;
    private Point2D pressedAt;
    private Point2D lastDrag;
    private boolean dragged;

    public LatentScatterView(LatentScatterViewModel viewModel) {
        this.viewModel = viewModel;
        this.key = new ScatterKey(viewModel);
        this.selectionBox = new VBox(8, captioned(selectedInput, "input x"),
                captioned(selectedReconstruction, "decoded at μ(x)"), selectionText);
        initGraphics();
        registerListeners();
        setTheme(PlotTheme.LIGHT);
    }

    private void initGraphics() {
        getStyleClass().add("latent-scatter");
        setId(ControlId.SCATTER.id());
        hoverImage.setFitWidth(HOVER_IMAGE_SIZE);
        hoverImage.setFitHeight(HOVER_IMAGE_SIZE);
        hoverImage.setSmooth(false);
        hoverBox.getStyleClass().add("hover-image");
        hoverBox.setManaged(false);
        hoverBox.setVisible(false);
        hoverBox.setMouseTransparent(true);
        Pane centre = new Pane(plot, hoverBox);
        plot.prefWidthProperty().bind(centre.widthProperty());
        plot.prefHeightProperty().bind(centre.heightProperty());
        centre.widthProperty().addListener(o -> plot.resize(centre.getWidth(), centre.getHeight()));
        centre.heightProperty().addListener(o -> plot.resize(centre.getWidth(), centre.getHeight()));
        centre.setMinSize(200, 200);

        for (ImageView view : List.of(selectedInput, selectedReconstruction)) {
            view.setFitWidth(SELECTED_IMAGE_SIZE);
            view.setFitHeight(SELECTED_IMAGE_SIZE);
            view.setSmooth(false);
        }
        selectionText.setWrapText(true);
        selectionText.setMaxWidth(170);
        selectionBox.setAlignment(Pos.TOP_CENTER);
        selectionBox.setPadding(new Insets(4, 8, 4, 8));
        selectionBox.setMinHeight(0); // on a short screen its text is cut, not the plot beside it
        selectionBox.getStyleClass().add("selection");
        note.setWrapText(true);
        note.getStyleClass().add("note");
        note.setPadding(new Insets(0, 8, 0, 8));
        setCenter(centre);
        setRight(new HBox(key, selectionBox));
        setBottom(note);
    }

    private static Node captioned(ImageView image, String caption) {
        Label label = new Label(caption);
        label.getStyleClass().add("caption");
        VBox box = new VBox(2, image, label);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private void registerListeners() {
        viewModel.pointsProperty().addListener((o, was, now) -> {
            if (now == null) { // a new set of images, on its way from the worker
                marksDirty = true;
                invalidatePoints();
                return;
            }
            if (was == null || now.size() != was.size() || now.classNames() != was.classNames()) {
                drawOrder = Scatter.drawingOrder(now.size());
                rebuildLegend();
            }
            plot.setAxisTitles(now.xTitle(), now.yTitle());
            note.setText(now.note());
            note.setVisible(!now.note().isEmpty());
            note.setManaged(!now.note().isEmpty());
            marksDirty |= marksFollowPoints(was, now);
            invalidatePoints();
        });
        viewModel.viewportProperty().addListener(o -> {
            marksDirty = true;
            invalidatePoints();
        });
        viewModel.showPriorProperty().addListener(o -> invalidateMarks());
        viewModel.showGridCellsProperty().addListener(o -> invalidateMarks());
        viewModel.gridProperty().addListener(o -> invalidateMarks());
        viewModel.posteriorProperty().addListener(o -> invalidateMarks());
        viewModel.overlayProperty().addListener(o -> invalidateMarks());
        viewModel.overlayEllipseProperty().addListener(o -> invalidateMarks());
        viewModel.hoveredProperty().addListener(o -> invalidateMarks());
        viewModel.selectionTextProperty().addListener((o, was, now) -> selectionText.setText(now));
        viewModel.selectedImageProperty().addListener((o, was, now) -> showImage(selectedInput, now));
        viewModel.reconstructionProperty().addListener((o, was, now) -> showImage(selectedReconstruction, now));
        viewModel.selectedProperty().addListener((o, was, now) -> {
            selectionBox.setVisible(now.intValue() >= 0);
            selectionBox.setManaged(now.intValue() >= 0);
            invalidateMarks();
        });
        selectionBox.setVisible(false);
        selectionBox.setManaged(false);
        plot.setOnResize(() -> {
            marksDirty = true;
            redraw();
        });

        plot.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        plot.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            viewModel.hover(-1);
            hoverBox.setVisible(false);
        });
        plot.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressedAt = new Point2D(e.getX(), e.getY());
            lastDrag = pressedAt;
            dragged = false;
        });
        plot.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        plot.addEventHandler(MouseEvent.MOUSE_RELEASED, this::release);
        plot.addEventHandler(ScrollEvent.SCROLL, this::scroll);
    }

    private void showImage(ImageView view, float[] pixels) {
        var probe = viewModel.probe();
        view.setImage(pixels == null || probe == null ? null
                : GrayImage.of(pixels, 0, probe.imageWidth(), probe.imageHeight()));
    }

    /** Draws with {@code theme}'s colours from now on. */
    public void setTheme(PlotTheme theme) {
        plot.setTheme(theme);
        rebuildLegend();
    }

    /** The plot surface, for tests and export. */
    public PlotPane plot() {
        return plot;
    }

    // ---- mouse ----------------------------------------------------------------------------------

    private void hover(MouseEvent e) {
        int index = pick(e.getX(), e.getY());
        viewModel.hover(index);
        var probe = viewModel.probe();
        if (index < 0 || probe == null) {
            hoverBox.setVisible(false);
            return;
        }
        hoverImage.setImage(GrayImage.of(probe.pixels(), index * probe.imageWidth() * probe.imageHeight(),
                probe.imageWidth(), probe.imageHeight()));
        double x = e.getX() + 16;
        double y = e.getY() + 16;
        if (x + HOVER_IMAGE_SIZE + 12 > plot.getWidth()) {
            x = e.getX() - HOVER_IMAGE_SIZE - 24;
        }
        if (y + HOVER_IMAGE_SIZE + 12 > plot.getHeight()) {
            y = e.getY() - HOVER_IMAGE_SIZE - 24;
        }
        hoverBox.resizeRelocate(x, y, HOVER_IMAGE_SIZE + 8, HOVER_IMAGE_SIZE + 8);
        hoverBox.setVisible(true);
    }

    private void drag(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || lastDrag == null) {
            return;
        }
        if (pressedAt.distance(e.getX(), e.getY()) > 4) {
            dragged = true;
        }
        if (dragged) {
            double dx = (e.getX() - lastDrag.getX()) / plot.x().scale();
            double dy = (e.getY() - lastDrag.getY()) / plot.y().scale();
            viewModel.pan(-dx, -dy);
            lastDrag = new Point2D(e.getX(), e.getY());
        }
    }

    private void release(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY && plot.isOverPlot(e.getX(), e.getY())) {
            viewModel.select(pick(e.getX(), e.getY()));
        }
        if (e.getClickCount() == 2 && !dragged) {
            viewModel.fit();
        }
        pressedAt = null;
        lastDrag = null;
    }

    private void scroll(ScrollEvent e) {
        if (e.getDeltaY() == 0 || !plot.isOverPlot(e.getX(), e.getY())) {
            return;
        }
        Point2D p = plot.toPlotPixels(e.getX(), e.getY());
        double factor = Math.pow(1.1, e.getDeltaY() / 40);
        viewModel.zoom(factor, plot.x().toValue(p.getX()), plot.y().toValue(p.getY()));
        e.consume();
    }

    /** The point a click at (paneX, paneY) of the plot would pick: the nearest within a few pixels, or −1. */
    public int pick(double paneX, double paneY) {
        if (!plot.isOverPlot(paneX, paneY)) {
            return -1;
        }
        Point2D p = plot.toPlotPixels(paneX, paneY);
        return viewModel.nearest(plot.x().toValue(p.getX()), plot.y().toValue(p.getY()),
                PICK_RADIUS_PX / plot.x().scale());
    }

    /** Where point {@code index} is drawn, in this pane's coordinates; {@code null} if there is none. */
    public Point2D positionOf(int index) {
        ScatterPoints points = viewModel.pointsProperty().get();
        if (points == null || index < 0 || index >= points.size()) {
            return null;
        }
        Point2D origin = plot.toPlotPixels(0, 0);
        return new Point2D(plot.x().toPixel(points.xs()[index]) - origin.getX(),
                plot.y().toPixel(points.ys()[index]) - origin.getY());
    }

    // ---- drawing ----------------------------------------------------------------------------------

    private void rebuildLegend() {
        ScatterPoints points = viewModel.pointsProperty().get();
        key.showClasses(points == null ? null : points.classNames());
    }

    /** The points need drawing again: done once, in the next layout pass, however many changes come before it. */
    private void invalidatePoints() {
        pointsDirty = true;
        requestLayout();
    }

    /** The marks need drawing again, in the next layout pass. */
    private void invalidateMarks() {
        marksDirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (pointsDirty) {
            redraw();
        } else if (marksDirty) {
            drawMarks();
        }
    }

    private void redraw() {
        pointsDirty = false;
        ScatterPoints points = viewModel.pointsProperty().get();
        Viewport view = viewModel.viewportProperty().get();
        plot.setRanges(view.xMin(), view.xMax(), view.yMin(), view.yMax(), false);
        Raster raster = plot.raster();
        raster.clear();
        if (points != null) {
            drawPoints(raster, points);
        }
        raster.show();
        if (marksDirty) {
            drawMarks();
        }
    }

    /**
     * Whether the marks must be drawn again when the points go from {@code was} to {@code now}:
     * only when some mark sits on a point (hovered, selected, a path or posterior laid over them)
     * or the points change kind. The prior's contours and the grid's cells stay where they are, and
     * drawing them again every frame of a replay cost the renderer more than the points
     * (docs/decisions/0096, "Scrubbing").
     */
    private boolean marksFollowPoints(ScatterPoints was, ScatterPoints now) {
        return was == null || was.latentSize() != now.latentSize() || viewModel.hoveredProperty().get() >= 0
                || viewModel.selectedProperty().get() >= 0 || viewModel.overlayProperty().get() != ScatterOverlay.NONE
                || viewModel.overlayEllipseProperty().get() != null;
    }

    private void drawPoints(Raster raster, ScatterPoints points) {
        markers = ScatterDrawing.markers(markers, points.classNames().size(),
                ScatterDrawing.dotRadius(points.size()) * plot.theme().markScale(),
                ScatterDrawing.markerOpacity(plot.theme().isDark()));
        ScatterDrawing.drawPoints(raster, plot.x(), plot.y(), points, drawOrder, markers);
    }

    private void drawMarks() {
        marksDirty = false;
        GraphicsContext g = plot.clearMarks();
        ScatterPoints points = viewModel.pointsProperty().get();
        AxisMapping x = plot.x();
        AxisMapping y = plot.y();
        Color reference = plot.theme().reference();
        LatentGrid grid = viewModel.gridProperty().get();
        if (viewModel.showGridCellsProperty().get() && grid != null && points != null && points.latentSize() >= 2) {
            ScatterMarks.drawGridCells(g, grid, x, y, reference);
        }
        if (viewModel.showPriorProperty().get()) {
            ScatterDrawing.drawPriorContours(g, x, y, reference, true, plot.theme().markScale());
        }
        if (points == null) {
            return;
        }
        double scale = plot.theme().markScale();
        int hovered = viewModel.hoveredProperty().get();
        if (hovered >= 0 && hovered < points.size()) {
            ring(g, x.toPixel(points.xs()[hovered]), y.toPixel(points.ys()[hovered]), 7 * scale, reference, 1.5 * scale);
        }
        int selected = viewModel.selectedProperty().get();
        if (selected >= 0 && selected < points.size()) {
            PosteriorEllipse ellipse = viewModel.posteriorProperty().get();
            double px = x.toPixel(points.xs()[selected]);
            double py = y.toPixel(points.ys()[selected]);
            if (ellipse != null) {
                ScatterMarks.drawEllipse(g, ellipse, x, y);
            }
            ring(g, px, py, 6 * scale, plot.theme().text(), 2.5 * scale);
        }
        drawOverlay(g, points, x, y);
    }

    /** What another view asked for: paths through latent space and a drawing's posterior. */
    private void drawOverlay(GraphicsContext g, ScatterPoints points, AxisMapping x, AxisMapping y) {
        ScatterOverlay overlay = viewModel.overlayProperty().get();
        if (overlay == null || points.latentSize() == 0) {
            return;
        }
        PosteriorEllipse ellipse = viewModel.overlayEllipseProperty().get();
        if (ellipse != null) {
            ScatterMarks.drawEllipse(g, ellipse, x, y);
        }
        if (overlay.posterior() != null && overlay.posterior().mean().length == points.latentSize()) {
            double[] p = points.project(overlay.posterior().mean());
            ring(g, x.toPixel(p[0]), y.toPixel(p[1]), 6, plot.theme().text(), 2.5);
        }
        for (ScatterOverlay.Path path : overlay.paths()) {
            if (path.points().dimension() == points.latentSize() && path.points().count() > 0) {
                ScatterMarks.drawPath(g, path.style(), path.on(points), x, y, plot.theme().text());
            }
        }
    }

    private static void ring(GraphicsContext g, double x, double y, double radius, Color colour, double width) {
        ScatterDrawing.ring(g, x, y, radius, colour, width);
    }
}
