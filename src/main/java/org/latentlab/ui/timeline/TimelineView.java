package org.latentlab.ui.timeline;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The scrubber under the views: drag it (or press ← and → on it) to move the scatter, the grid,
 * the strips and the loss chart's cursor back and forth through the recorded moments of training;
 * play and pause the replay at a speed; "Live" returns to the model as it is now. While a moment is
 * replayed the bar is highlighted and says which. Confined to the JavaFX application thread.
 */
public final class TimelineView extends HBox {

    /** The style class the bar carries while it replays. */
    static final String REPLAYING = "replaying";
    /** Room for the longest caption, "Replaying iteration 12,345,678 · epoch 1,234 · β 1.00 · moment 400 of 400", in ems. */
    private static final double CAPTION_EMS = 36;

    private final TimelineViewModel viewModel;
    private final Button play = new Button("▶");
    private final ChoiceBox<TimelineViewModel.Speed> speed = new ChoiceBox<>();
    private final Slider scrubber = new Slider(0, 1, 1);
    private final Label caption = new Label();
    private final Button live = new Button("Live");
    /** Set while the slider is moved to follow the view-model, not by the user. */
    private boolean following;

    public TimelineView(TimelineViewModel viewModel) {
        this.viewModel = viewModel;
        initGraphics();
        registerListeners();
        follow();
    }

    private void initGraphics() {
        setId("timeline");
        getStyleClass().add("timeline");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        play.setId("timeline-play");
        play.setTooltip(new Tooltip("Play the recorded moments of training in the views, or pause the replay"));
        play.setMinWidth(40);
        speed.setId("timeline-speed");
        speed.getItems().setAll(TimelineViewModel.Speed.values());
        speed.setTooltip(new Tooltip("How many recorded moments the replay shows a second. The start of training is"
                + " recorded at every iteration and later ones further apart, so early training plays slowly"));
        scrubber.setId("timeline-scrubber");
        scrubber.setBlockIncrement(1);
        scrubber.setMinWidth(120);
        scrubber.setTooltip(new Tooltip("Drag to replay training: the scatter, the decoded grid, the strips and the"
                + " loss chart go back to the moment chosen (← and → step). Training waits while you drag and goes on when"
                + " you let go"));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        caption.setId("timeline-caption");
        // A width of its own, the longest caption's: changing words must not move the scrubber every frame.
        caption.setMinWidth(Region.USE_PREF_SIZE);
        caption.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> CAPTION_EMS * caption.getFont().getSize(),
                caption.fontProperty()));
        live.setId("timeline-live");
        live.setTooltip(new Tooltip("Back to the model as it is now"));
        getChildren().addAll(play, speed, scrubber, caption, live);
    }

    private void registerListeners() {
        play.setOnAction(e -> viewModel.playOrPause());
        live.setOnAction(e -> viewModel.live());
        speed.valueProperty().bindBidirectional(viewModel.speedProperty());
        caption.textProperty().bind(viewModel.captionProperty());
        viewModel.draggingProperty().bind(scrubber.valueChangingProperty());
        scrubber.valueProperty().addListener((o, was, now) -> {
            if (!following) {
                viewModel.scrubTo((int) Math.round(now.doubleValue()));
            }
        });
        viewModel.countProperty().addListener(o -> follow());
        viewModel.positionProperty().addListener(o -> follow());
        viewModel.replayingProperty().addListener(o -> follow());
        viewModel.playingProperty().addListener(o -> follow());
    }

    /** Puts the scrubber, the buttons and the highlight where the view-model is. */
    private void follow() {
        int count = viewModel.countProperty().get();
        boolean replaying = viewModel.replayingProperty().get();
        following = true;
        try {
            scrubber.setMax(Math.max(1, count - 1));
            scrubber.setValue(replaying ? viewModel.positionProperty().get() : Math.max(0, count - 1));
        } finally {
            following = false;
        }
        scrubber.setDisable(count < 2);
        play.setDisable(count < 2);
        play.setText(viewModel.playingProperty().get() ? "⏸" : "▶");
        live.setDisable(!replaying);
        if (replaying != getStyleClass().contains(REPLAYING)) { // a change of style repaints the whole bar
            if (replaying) {
                getStyleClass().add(REPLAYING);
            } else {
                getStyleClass().remove(REPLAYING);
            }
        }
    }

    /** The slider, for tests and benchmarks that drag it. */
    public Slider scrubber() {
        return scrubber;
    }
}
