package org.latentlab.ui.plot;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import org.latentlab.render.MarkerShape;

/** Small legend items built from nodes, so they follow the window's fonts and theme. */
public final class LegendEntry {

    /** The radius of a disc of a legend marker's area, in pixels. */
    private static final double MARKER_RADIUS = 6;

    private LegendEntry() {
    }

    /** A short line in {@code colour} before {@code text}; {@code faint} draws it translucent and thin. */
    public static Label line(String text, Color colour, boolean faint) {
        Line line = new Line(0, 0, 22, 0);
        line.setStroke(colour);
        line.setStrokeWidth(faint ? 1.2 : 3);
        line.setOpacity(faint ? 0.45 : 1);
        return entry(text, line);
    }

    /** A class's marker, in its {@code colour} and {@code shape}, before {@code text}: as its points are drawn. */
    public static Label marker(String text, Color colour, MarkerShape shape) {
        double[] corners = shape.polygon();
        if (corners.length == 0) {
            return entry(text, new Circle(MARKER_RADIUS, colour));
        }
        Polygon polygon = new Polygon();
        for (double v : corners) {
            polygon.getPoints().add(v * MARKER_RADIUS);
        }
        polygon.setFill(colour);
        return entry(text, polygon);
    }

    /** A dashed line (a reference mark such as the prior's contours) before {@code text}. */
    public static Label dashed(String text, Color colour) {
        Line line = new Line(0, 0, 22, 0);
        line.setStroke(colour);
        line.setStrokeWidth(2);
        line.getStrokeDashArray().setAll(6.0, 4.0);
        return entry(text, line);
    }

    private static Label entry(String text, Node swatch) {
        Label label = new Label(text, new StackPane(swatch));
        label.getStyleClass().add("legend-entry");
        label.setGraphicTextGap(6);
        return label;
    }
}
