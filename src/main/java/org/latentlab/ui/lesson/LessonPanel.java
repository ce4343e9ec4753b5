package org.latentlab.ui.lesson;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.latentlab.lesson.ControlId;

/**
 * The Lessons side panel: the lesson's title, the step's title and text, the one thing to do,
 * "Step i of n", Back and Next, and ✕ to hide it. Binds to a {@link LessonViewModel}. Confined to
 * the JavaFX application thread.
 */
public final class LessonPanel extends VBox {

    /** Wide enough for a sentence a line at the window's text size, narrow enough to leave the views room. */
    static final double WIDTH = 300;

    public LessonPanel(LessonViewModel viewModel) {
        setId(ControlId.LESSONS.id());
        getStyleClass().add("lesson-panel");
        setSpacing(8);
        setPadding(new Insets(10));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);

        Label lesson = wrapped("lesson-title", viewModel.lessonTitleProperty().getValue());
        lesson.textProperty().bind(viewModel.lessonTitleProperty());
        Button hide = new Button("✕");
        hide.setId("lesson-hide");
        hide.setTooltip(new Tooltip("Hide the Lessons panel (Lessons → Show the panel brings it back)"));
        hide.setOnAction(e -> viewModel.shownProperty().set(false));
        HBox.setHgrow(lesson, Priority.ALWAYS);
        HBox top = new HBox(6, lesson, hide);
        top.setAlignment(Pos.TOP_LEFT);

        Label title = wrapped("lesson-step-title", "");
        title.textProperty().bind(viewModel.titleProperty());
        Label text = wrapped("lesson-text", "");
        text.textProperty().bind(viewModel.textProperty());
        Label action = wrapped("lesson-action", "");
        action.textProperty().bind(viewModel.actionProperty());
        Label note = wrapped("lesson-note", "");
        note.getStyleClass().add("note");
        note.textProperty().bind(viewModel.noteProperty());
        note.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        VBox body = new VBox(10, title, text, action, note);
        body.setPadding(new Insets(0, 4, 0, 0));
        ScrollPane scroller = new ScrollPane(body);
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroller, Priority.ALWAYS);

        Button back = new Button("Back");
        back.setId("lesson-back");
        back.disableProperty().bind(viewModel.canGoBackProperty().not());
        back.setOnAction(e -> viewModel.back());
        Button next = new Button("Next");
        next.setId("lesson-next");
        next.getStyleClass().add("accent");
        next.disableProperty().bind(viewModel.canGoOnProperty().not());
        next.setOnAction(e -> viewModel.next());
        Label position = new Label();
        position.setId("lesson-position");
        position.textProperty().bind(viewModel.positionProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, position, gap, next);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(top, scroller, buttons);
        visibleProperty().bind(viewModel.shownProperty().and(viewModel.lessonProperty().isNotNull()));
        managedProperty().bind(visibleProperty());
    }

    private static Label wrapped(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }
}
