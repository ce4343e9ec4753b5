package org.latentlab.ui.collapse;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.Units;
import org.latentlab.render.Palette;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;

/**
 * The collapse meter: one bar per latent dimension, its height the held-out KL it carries, grey
 * once the dimension has collapsed onto the prior (not an active unit); a line counting the active
 * units, and a button that sets up the demonstration. Confined to the JavaFX application thread.
 */
public final class CollapseMeterView extends BorderPane implements Themed {

    private static final double TOP = 6;
    private static final double RIGHT = 8;
    /** The least width a bar's number needs below it. */
    private static final double LABEL_ROOM = 18;
    private static final Color INACTIVE = Color.web("#9A9A9A");

    private final CollapseMeterViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private final Pane bars = new Pane(canvas);
    private final Label caption = new Label();
    private final Button preset = new Button("Collapse demo");
    private PlotTheme theme = PlotTheme.LIGHT;

    /** @param setUpDemonstration applies the demonstration's setup (asking first if a model would be lost) */
    public CollapseMeterView(CollapseMeterViewModel viewModel, Runnable setUpDemonstration) {
        this.viewModel = viewModel;
        setId(ControlId.COLLAPSE_METER.id());
        getStyleClass().add("collapse-meter");
        caption.setId("collapse-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        preset.setId(ControlId.COLLAPSE_PRESET.id());
        preset.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip("Sets up posterior collapse: a new VAE with 16 latent dimensions, β = 4 from the "
                + "first step (no warm-up) and a learning rate of 0.01 so that it happens within minutes. Press Train: "
                + "every dimension comes alive in the first epoch, then bars turn grey as dimensions stop carrying "
                + "information about the image.");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        preset.setTooltip(tip);
        preset.setOnAction(e -> setUpDemonstration.run());
        HBox top = new HBox(8, caption, preset);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(2, 8, 2, 8));
        setTop(top);
        canvas.setMouseTransparent(true);
        bars.setMinHeight(64);
        bars.setPrefHeight(110);
        setCenter(bars);
        caption.textProperty().bind(viewModel.captionProperty());
        viewModel.readingProperty().addListener(o -> redraw());
        viewModel.unitsProperty().addListener(o -> redraw());
        bars.widthProperty().addListener(o -> redraw());
        bars.heightProperty().addListener(o -> redraw());
    }

    @Override
    public void setTheme(PlotTheme newTheme) {
        theme = newTheme;
        redraw();
    }

    private void redraw() {
        canvas.setWidth(bars.getWidth());
        canvas.setHeight(bars.getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.plotArea());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        CollapseReading r = viewModel.readingProperty().get();
        double font = Math.min(theme.fontSize(), 13 * theme.markScale());
        Units units = viewModel.unitsProperty().get();
        double top = r == null ? 1 : CollapseMeterViewModel.scaleTop(r.klPerDimension());
        String scale = r == null ? "" : CollapseMeterViewModel.scaleLabel(top, units, r.pixels());
        double left = 12 + 0.6 * font * scale.length();
        if (r == null || canvas.getWidth() < left + RIGHT + 10) {
            return;
        }
        g.setFont(Font.font(font));
        double bottom = canvas.getHeight() - font - 6;
        double height = bottom - TOP;
        if (height < 10) {
            return;
        }
        drawScale(g, scale, left, bottom);
        int d = r.dimensions();
        double slot = (canvas.getWidth() - left - RIGHT) / d;
        double width = Math.max(1, slot * (d > 32 ? 0.8 : 0.7));
        int every = CollapseMeterViewModel.labelEvery(slot, LABEL_ROOM * font / 13);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int j = 0; j < d; j++) {
            double centre = left + slot * (j + 0.5);
            double barTop = bottom - height * Math.min(1, Math.max(0, r.klPerDimension()[j]) / top);
            Color colour = r.active()[j] ? Color.web(Palette.KL_HEX) : INACTIVE;
            g.setFill(colour);
            g.fillRect(centre - width / 2, barTop, width, bottom - barTop);
            if (!r.active()[j]) {
                // A collapsed dimension's bar is all but gone: a grey stub keeps its place visible.
                g.fillRect(centre - width / 2, bottom - 2 * theme.markScale(), width, 2 * theme.markScale());
            }
            if ((j + 1) % every == 0 || j == 0) {
                g.setFill(r.active()[j] ? theme.text() : INACTIVE);
                g.fillText(Integer.toString(j + 1), centre, bottom + 3);
            }
        }
    }

    /** The baseline, the scale's top and the units at the left. */
    private void drawScale(GraphicsContext g, String scale, double left, double bottom) {
        g.setStroke(theme.gridLine());
        g.setLineWidth(1);
        g.strokeLine(left, TOP + 0.5, canvas.getWidth() - RIGHT, TOP + 0.5);
        g.setStroke(theme.axis());
        g.strokeLine(left, bottom + 0.5, canvas.getWidth() - RIGHT, bottom + 0.5);
        g.setFill(theme.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(scale, left - 6, TOP - 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText("0", left - 6, bottom + 4);
        g.setTextBaseline(VPos.TOP);
        g.fillText("dim.", left - 6, bottom + 3);
    }
}
