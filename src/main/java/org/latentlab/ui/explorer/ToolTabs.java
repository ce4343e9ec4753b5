package org.latentlab.ui.explorer;

import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.latentlab.lesson.ControlId;
import org.latentlab.ui.attributes.LatentToolsViewModel;
import org.latentlab.ui.likelihood.LikelihoodView;
import org.latentlab.ui.outliers.OutliersView;

/** The tabs of the Explore tab's right-hand pane. Confined to the JavaFX application thread. */
final class ToolTabs {

    private ToolTabs() {
    }

    /**
     * A tab of the right-hand pane. Its content fills the tab, and scrolls when the tab is too
     * small for it (a projector's 1280 × 720 in large text).
     */
    static Tab tab(String title, String explanation, Node content, LatentToolsViewModel.Tool tool) {
        ScrollPane scroller = new UncachedScrollPane(content);
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.getStyleClass().add("tool-scroller");
        Tab tab = new Tab(title, scroller);
        tab.setTooltip(new Tooltip(explanation));
        tab.setUserData(tool);
        tab.setId("tab-" + tool.name().toLowerCase(Locale.ROOT));
        return tab;
    }

    /** The Likelihood tab, under the id lessons name it by ({@link ControlId#LIKELIHOOD}). */
    static Tab likelihood(LatentToolsViewModel toolModels) {
        Tab tab = tab("Likelihood", "How far the ELBO is from log p(x) for the selected image or your drawing: the true"
                + " posterior beside q(z|x), and importance sampling", new LikelihoodView(toolModels.likelihood()),
                LatentToolsViewModel.Tool.LIKELIHOOD);
        tab.setId(ControlId.LIKELIHOOD.id());
        return tab;
    }

    /** The Outliers tab, under the id lessons name it by ({@link ControlId#OUTLIERS}). */
    static Tab outliers(LatentToolsViewModel toolModels) {
        Tab tab = tab("Outliers", "The held-out images the model finds most and least likely, by −log p(x), and other"
                + " data scored beside them", new OutliersView(toolModels.outliers()), LatentToolsViewModel.Tool.OUTLIERS);
        tab.setId(ControlId.OUTLIERS.id());
        return tab;
    }
}
