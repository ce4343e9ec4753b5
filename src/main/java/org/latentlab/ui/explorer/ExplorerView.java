package org.latentlab.ui.explorer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.latentlab.render.PngFile;
import org.latentlab.training.Pace;
import org.latentlab.ui.attributes.AttributesView;
import org.latentlab.ui.attributes.DrawingPadView;
import org.latentlab.ui.attributes.InterpolationView;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.collapse.CollapseMeterView;
import org.latentlab.ui.conditional.ConditionalView;
import org.latentlab.ui.loss.DecoderStdChart;
import org.latentlab.ui.loss.LossChartView;
import org.latentlab.ui.loss.UnitsChoice;
import org.latentlab.ui.manifold.ManifoldView;
import org.latentlab.ui.pace.MinibatchView;
import org.latentlab.ui.pace.PaceChoice;
import org.latentlab.ui.plot.PlotTheme;
import org.latentlab.ui.plot.Themed;
import org.latentlab.ui.samples.SampleStripsView;
import org.latentlab.ui.scatter.LatentScatterView;
import org.latentlab.ui.timeline.ReplayExport;
import org.latentlab.ui.timeline.TimelineView;

/**
 * The explorer window's content: menus, a banner for problems, and the "Explore" tab with the
 * training toolbar, the four views in resizable panes (the decoded grid sharing its pane with the
 * attribute sliders, interpolation and the drawing pad, as tabs beside the latent scatter they draw
 * on), the timeline's scrubber and a status bar with the epoch's progress. Other tabs (the compare lab) are added with
 * {@link #addTab} and bring their own controls. An {@link AnimationTimer} takes the trainer's
 * latest snapshot once per frame. Confined to the JavaFX application thread.
 */
public final class ExplorerView extends BorderPane {

    private static final String STYLESHEET = "latent-lab.css";

    private final ExplorerViewModel viewModel;
    private final Confirmation confirmation;
    private final TrainingToolbar toolbar;
    private final LatentScatterView scatter;
    private final LossChartView loss;
    private final DecoderStdChart decoderStd;
    private final ManifoldView manifold;
    private final SampleStripsView samples;
    private final AttributesView attributes;
    private final InterpolationView interpolation;
    private final DrawingPadView drawing;
    private final TimelineView timeline;
    private final CollapseMeterView collapse;
    private final TabPane tools = new TabPane();
    private final Label problem = new Label();
    private final HBox banner;
    private final TabPane tabs = new TabPane();
    private final AnimationTimer frames;
    private final Path modelsFolder;
    private final WindowLook look;

    /**
     * @param modelsFolder where Save and Open start, and where the last session is kept
     */
    public ExplorerView(ExplorerViewModel viewModel, Confirmation confirmation, Path modelsFolder) {
        this.viewModel = viewModel;
        this.confirmation = confirmation;
        this.modelsFolder = modelsFolder;
        this.toolbar = new TrainingToolbar(viewModel, confirmation);
        this.scatter = new LatentScatterView(viewModel.scatter());
        this.loss = new LossChartView(viewModel.loss());
        this.decoderStd = new DecoderStdChart(viewModel.loss().decoderStd());
        this.manifold = new ManifoldView(viewModel.manifold());
        this.samples = new SampleStripsView(viewModel.samples());
        LatentToolsViewModel toolModels = viewModel.tools();
        this.attributes = new AttributesView(toolModels.attributes());
        this.interpolation = new InterpolationView(toolModels.interpolation(), toolModels::setAFromSelection,
                toolModels::setBFromSelection);
        this.drawing = new DrawingPadView(toolModels.drawing(), toolModels::moveDrawing);
        this.timeline = new TimelineView(viewModel.timeline());
        this.collapse = new CollapseMeterView(viewModel.collapse(),
                () -> toolbar.propose(ExplorerSetup::collapseDemonstration));
        Button dismiss = new Button("✕");
        dismiss.setId("dismiss-problem");
        dismiss.setTooltip(new Tooltip("Hide this message"));
        dismiss.setOnAction(e -> viewModel.lifecycle().dismissProblem());
        this.banner = new HBox(10, problem, dismiss);
        this.frames = new PulseTimer(viewModel::pulse);
        this.look = new WindowLook(this, this::setPlotTheme, toolbar::setCompact);
        initGraphics();
        registerListeners();
        getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());
        look.apply();
        frames.start();
    }

    private void initGraphics() {
        getStyleClass().add("explorer");
        problem.setWrapText(true);
        problem.setId("problem");
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().add("problem-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.setVisible(false);
        banner.setManaged(false);
        toolbar.setPadding(new Insets(6, 10, 6, 10));
        MenuBar menus = menuBar();
        look.hideInPresentation(menus);
        setTop(new VBox(menus, banner));

        SplitPane left = new ContentFittingSplit(card("Latent space of held-out images", scatter),
                card("Loss per image", loss), 0.58);
        loss.addControl(new UnitsChoice(viewModel.unitsProperty()));
        tools.getTabs().setAll(
                ToolTabs.tab("Decoded grid", "What each region of the latent space means: images decoded on a grid of codes",
                        manifold, LatentToolsViewModel.Tool.GRID),
                ToolTabs.tab("Attributes", "Move an image along attribute vectors and watch its decoded picture change",
                        attributes, LatentToolsViewModel.Tool.ATTRIBUTES),
                ToolTabs.tab("Interpolate", "Decode the straight and the spherical path between two images' codes",
                        interpolation, LatentToolsViewModel.Tool.INTERPOLATION),
                ToolTabs.tab("Draw", "Draw a digit and see where the encoder puts it", drawing, LatentToolsViewModel.Tool.DRAWING),
                ToolTabs.likelihood(viewModel.tools()),
                ToolTabs.outliers(viewModel.tools()),
                ToolTabs.tab("Conditional", "A conditional VAE: one class across the style space, and one image's style in "
                        + "every class", new ConditionalView(viewModel.conditional()),
                        LatentToolsViewModel.Tool.CONDITIONAL));
        // A conditional VAE's latent space has a decoder per class: the tools that move through one
        // space, and the outliers, scored with one decoder, wait for a model that has a single one.
        for (Tab tab : List.of(tools.getTabs().get(1), tools.getTabs().get(2), tools.getTabs().get(3),
                tools.getTabs().get(5))) {
            tab.disableProperty().bind(viewModel.conditional().conditionalProperty());
        }
        tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tools.setId("latent-tools");
        MinibatchView minibatch = new MinibatchView(viewModel.minibatch());
        minibatch.visibleProperty().bind(viewModel.lifecycle().paceProperty().isNotEqualTo(Pace.FULL));
        minibatch.managedProperty().bind(minibatch.visibleProperty());
        VBox.setVgrow(samples, Priority.ALWAYS);
        VBox.setVgrow(tools, Priority.ALWAYS);
        Node meter = card("Collapse meter: held-out KL per latent dimension", collapse);
        Node sigma = card("The decoder's learned σ over training", decoderStd);
        sigma.visibleProperty().bind(decoderStd.visibleProperty()); // only while σ is learned
        sigma.managedProperty().bind(sigma.visibleProperty());
        VBox.setVgrow(meter, Priority.ALWAYS);
        SplitPane right = new ContentFittingSplit(card(null, new VBox(new DecoderSampleSwitch(
                viewModel.decoderSampleProperty()), tools)),
                scrolling(new VBox(sigma, card("Reconstructions and samples", new VBox(minibatch, samples)), meter)), 0.6);
        SplitPane centre = new SplitPane(left, right);
        centre.setDividerPositions(0.55);
        StatusBar bar = new StatusBar("", viewModel.lifecycle().statusProperty(),
                viewModel.lifecycle().epochProgressProperty());
        Tab explore = new Tab("Explore", fittingTheTab(new BorderPane(centre, toolbar, null, new VBox(timeline, bar), null)));
        explore.setId("tab-explore");
        explore.setTooltip(new Tooltip("Train one model and look inside it"));
        tabs.getTabs().add(explore);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        setCenter(tabs);
    }

    /**
     * {@code content}, never to be made taller than its tab: a tab lays its content out at no less
     * than the content's minimum height, so on a 1280 × 720 screen a view that needed another line
     * of text pushed the status line at the tab's foot off the screen. Its views give up the
     * height instead.
     */
    private static Node fittingTheTab(Node content) {
        if (content instanceof Region region) {
            region.setMinHeight(0);
        }
        return content;
    }

    /** A view on a white card under its title; {@code null} for a view that titles itself (tabs). */
    private static Node card(String title, Node content) {
        VBox box = new VBox(content);
        if (title != null) {
            Label heading = new Label(title);
            heading.getStyleClass().add("view-title");
            heading.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().add(0, heading);
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        box.getStyleClass().add("card");
        box.setMinWidth(150); // its height at least what its content needs, which the split panes respect
        return box;
    }

    private MenuBar menuBar() {
        MenuItem open = item("Open model…", "Shortcut+O", e -> openModel());
        MenuItem save = item("Save model…", "Shortcut+S", e -> saveModel());
        MenuItem lastSession = item("Open the last session", null, e -> openModel(lastSession(modelsFolder)));
        MenuItem history = item("Export loss history (CSV)…", null, e -> exportHistory());
        Menu replay = new Menu("Export the replay of training");
        replay.getItems().addAll(item("As an animated GIF…", null, e -> exportReplay(true)),
                item("As PNG files in a folder…", null, e -> exportReplay(false)));
        Menu export = new Menu("Export view as PNG");
        export.getItems().addAll(
                item("Latent space…", null, e -> exportPng(scatter, "latent-space.png")),
                item("Loss curves…", null, e -> exportPng(loss, "loss.png")),
                item("Decoded grid…", null, e -> exportPng(manifold, "decoded-grid.png")),
                item("Reconstructions and samples…", null, e -> exportPng(samples, "samples.png")),
                item("Collapse meter…", null, e -> exportPng(collapse, "collapse-meter.png")),
                item("Attributes panel…", null, e -> exportPng(attributes, "attributes.png")),
                item("Interpolation…", null, e -> exportPng(interpolation, "interpolation.png")),
                item("Drawing pad…", null, e -> exportPng(drawing, "drawing.png")),
                item("Whole window…", null, e -> exportPng(this, "latent-lab.png")));
        MenuItem quit = item("Quit", "Shortcut+Q", e -> getScene().getWindow().hide());
        Menu file = new Menu("File");
        file.getItems().addAll(open, lastSession, save, new SeparatorMenuItem(), history, export, replay,
                new SeparatorMenuItem(), quit);

        Menu training = new Menu("Training");
        training.getItems().addAll(
                item("Train / Pause\tSpace", null, e -> viewModel.trainOrPause()),
                item("Step one minibatch\tS", null, e -> viewModel.step()),
                item("Reset the model\tR", null, e -> toolbar.confirmReset()),
                new SeparatorMenuItem(),
                PaceChoice.menu("Speed", viewModel.lifecycle().paceProperty()));

        Menu view = new Menu("View");
        view.getItems().addAll(look.menuItems());
        view.getItems().addAll(new SeparatorMenuItem(), UnitsChoice.menu("Loss units", viewModel.unitsProperty()));
        return new MenuBar(file, training, view);
    }

    private static MenuItem item(String text, String accelerator,
                                 javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(action);
        return item;
    }

    private void registerListeners() {
        LatentToolsViewModel toolModels = viewModel.tools();
        tools.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                toolModels.toolProperty().set((LatentToolsViewModel.Tool) now.getUserData()));
        viewModel.conditional().conditionalProperty().addListener((o, was, now) -> {
            LatentToolsViewModel.Tool shown = toolModels.toolProperty().get();
            if (now && shown != LatentToolsViewModel.Tool.GRID && shown != LatentToolsViewModel.Tool.CONDITIONAL) {
                toolModels.toolProperty().set(LatentToolsViewModel.Tool.CONDITIONAL);
            }
        });
        toolModels.toolProperty().addListener((o, was, now) -> tools.getTabs().stream()
                .filter(tab -> tab.getUserData() == now).findFirst().ifPresent(tools.getSelectionModel()::select));
        viewModel.lifecycle().problemProperty().addListener((o, was, now) -> {
            problem.setText(now);
            banner.setVisible(now != null);
            banner.setManaged(now != null);
        });
        TrainingKeys.install(this, () -> tabs.getSelectionModel().getSelectedIndex() == 0, viewModel::trainOrPause,
                viewModel::step, toolbar::confirmReset);
    }

    /** Draws every plot of the window with {@code theme}: the Explore tab's and those of every other tab. */
    private void setPlotTheme(PlotTheme theme) {
        scatter.setTheme(theme);
        loss.setTheme(theme);
        decoderStd.setTheme(theme);
        collapse.setTheme(theme);
        for (Tab tab : tabs.getTabs()) {
            if (tab.getContent() instanceof Themed themed) {
                themed.setTheme(theme);
            }
        }
    }

    /**
     * Adds a tab beside "Explore" (its content follows the window's theme if it is {@link Themed})
     * and returns it, so its owner can tell when it is shown.
     */
    public Tab addTab(String title, String explanation, Node content) {
        Tab tab = new Tab(title, fittingTheTab(content));
        tab.setId("tab-" + title.toLowerCase(Locale.ROOT));
        tab.setTooltip(new Tooltip(explanation));
        tabs.getTabs().add(tab);
        look.apply();
        return tab;
    }

    /** Stops taking snapshots; the view-model is closed by the application. */
    public void stopFrames() {
        frames.stop();
    }

    // ---- files ------------------------------------------------------------------------------------

    private void saveModel() {
        FileChooser chooser = chooser("Save the model", "Latent Lab model", "*.latentlab");
        chooser.setInitialFileName("model.latentlab");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            viewModel.files().save(file.toPath());
        }
    }

    /** The file the window saves a trained model into when it closes. */
    public static Path lastSession(Path modelsFolder) {
        return modelsFolder.resolve("last-session.latentlab");
    }

    private void openModel() {
        FileChooser chooser = chooser("Open a model", "Latent Lab model", "*.latentlab");
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            openModel(file.toPath());
        }
    }

    private void openModel(Path file) {
        if (!Files.isRegularFile(file)) {
            viewModel.lifecycle().report("There is no saved model at " + file
                    + " yet: the window saves one there when it closes "
                    + "after training.");
            return;
        }
        if (viewModel.lifecycle().isTrained() && !confirmation.confirm("Open a model",
                "Opening " + file.getFileName() + " replaces the model being trained. Discard it?",
                "Open and discard", "Keep the current model")) {
            return;
        }
        viewModel.files().open(file);
    }

    private void exportHistory() {
        FileChooser chooser = chooser("Export the loss history", "CSV", "*.csv");
        chooser.setInitialFileName("loss-history.csv");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            viewModel.files().exportHistory(file.toPath());
        }
    }

    /** Exports every recorded moment as a frame: of a GIF, or of PNG files in a new folder in the one chosen. */
    private void exportReplay(boolean gif) {
        FileChooser gifChooser = chooser("Export the replay as an animated GIF", "GIF image", "*.gif");
        gifChooser.setInitialFileName("training.gif");
        DirectoryChooser folderChooser = new DirectoryChooser();
        folderChooser.setTitle("Where to put a new folder of the replay's PNG files");
        File chosen = gif ? gifChooser.showSaveDialog(getScene().getWindow()) : folderChooser.showDialog(getScene().getWindow());
        if (chosen != null) {
            viewModel.exportReplay(gif ? chosen.toPath() : ReplayExport.newFramesFolder(chosen.toPath()), gif);
        }
    }

    private void exportPng(Node node, String suggestedName) {
        FileChooser chooser = chooser("Export as PNG", "PNG image", "*.png");
        chooser.setInitialFileName(suggestedName);
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            writePng(node, file.toPath());
        }
    }

    /** Writes what {@code node} shows now as a PNG at {@code path}; a failure is shown in the banner. */
    public void writePng(Node node, Path path) {
        WritableImage image = node.snapshot(null, null);
        var picture = SwingFXUtils.fromFXImage(image, null);
        try {
            PngFile.write(picture, path);
        } catch (RuntimeException e) {
            viewModel.lifecycle().report(e.getMessage());
        }
    }

    private FileChooser chooser(String title, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        try {
            Files.createDirectories(modelsFolder);
            chooser.setInitialDirectory(modelsFolder.toFile());
        } catch (IOException | SecurityException e) {
            // Start wherever the platform starts, then.
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind + " (" + pattern + ")", pattern));
        return chooser;
    }

    /** Places the window's scene; keeps the window's look after the scene is set. */
    public static Scene sceneOf(ExplorerView view) {
        return new Scene(view, 1280, 860);
    }

    /**
     * {@code content} in a vertical scroller, so that on a short screen the views above keep their
     * share and this part scrolls instead of squeezing them out.
     */
    private static ScrollPane scrolling(Node content) {
        ScrollPane scroller = new UncachedScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("tool-scroller");
        return scroller;
    }

    // ---- parts, for tests -------------------------------------------------------------------------

    public LatentScatterView scatterView() {
        return scatter;
    }

    public AttributesView attributesView() {
        return attributes;
    }

    public DrawingPadView drawingView() {
        return drawing;
    }

    /** Presentation mode, for tests and for lessons that switch it. */
    public javafx.beans.property.BooleanProperty presentationProperty() {
        return look.presentationProperty();
    }

    public CollapseMeterView collapseView() {
        return collapse;
    }

    public TimelineView timelineView() {
        return timeline;
    }
}
