package org.latentlab.ui.lesson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import org.latentlab.lesson.ControlId;

/**
 * Finds the window's node for each {@link ControlId} by its node id, outlines the one a lesson
 * step talks about, and hides the tabs, views and controls a setup leaves out. Most nodes carry the
 * {@link ControlId}'s own id; those named before the list existed keep their ids and are mapped
 * here ({@link #nodeId}). Tabs are {@link Tab}s, found in the window's tab panes; presentation mode
 * is a menu item. Confined to the JavaFX application thread.
 */
public final class ControlNodes {

    /** The style class of an outlined control: a glow around it (latent-lab.css). */
    static final String HIGHLIGHT = "lesson-highlight";
    /** The style class of an outlined view: a border, as a glow would blur every label in it. */
    static final String HIGHLIGHT_VIEW = "lesson-highlight-view";

    private static final Map<ControlId, String> RENAMED = new EnumMap<>(Map.ofEntries(
            Map.entry(ControlId.EXPLORE, "tab-explore"),
            Map.entry(ControlId.COMPARE, "tab-compare"),
            Map.entry(ControlId.GRID, "tab-grid"),
            Map.entry(ControlId.ATTRIBUTES, "tab-attributes"),
            Map.entry(ControlId.INTERPOLATE, "tab-interpolation"),
            Map.entry(ControlId.DRAW, "tab-drawing"),
            Map.entry(ControlId.DEBIASING, "tab-debiasing"),
            Map.entry(ControlId.CONDITIONAL, "tab-conditional"),
            Map.entry(ControlId.LATENT_SIZE, "latent"),
            Map.entry(ControlId.BETA_SLIDER, "beta"),
            Map.entry(ControlId.GRID_CELLS, "scatter-grid-cells"),
            Map.entry(ControlId.LOG_SCALE, "loss-log-scale"),
            Map.entry(ControlId.RESAMPLE, "samples-resample"),
            Map.entry(ControlId.GRID_SIZE, "manifold-size"),
            Map.entry(ControlId.BALANCED, "attributes-balanced"),
            Map.entry(ControlId.SET_A, "interpolation-set-a"),
            Map.entry(ControlId.SET_B, "interpolation-set-b"),
            Map.entry(ControlId.DRAW_PAD, "drawing-pad"),
            Map.entry(ControlId.DRAW_CLEAR, "drawing-clear"),
            Map.entry(ControlId.PRIOR_SAMPLES, "compare-samples-everywhere"),
            Map.entry(ControlId.WHOLE_SPACE, "compare-whole-space")));

    private final Parent root;
    private final MenuBar menus;
    /** Each tab pane's tabs as the window built them, to put hidden ones back in their place. */
    private final Map<TabPane, List<Tab>> allTabs = new HashMap<>();
    /** The nodes this class hid, with whether each was visible before. */
    private final Map<Node, Boolean> hidden = new HashMap<>();
    private Node outlined;

    /**
     * @param root  the window's content
     * @param menus its menu bar, where presentation mode is an item
     */
    public ControlNodes(Parent root, MenuBar menus) {
        this.root = root;
        this.menus = menus;
    }

    /** The node id the window gives {@code id}'s node (or its tab). */
    public static String nodeId(ControlId id) {
        return RENAMED.getOrDefault(id, id.id());
    }

    /** The node of {@code id}: for a tab, its header; empty for ids the window has no node for. */
    public Optional<Node> node(ControlId id) {
        return Optional.ofNullable(root.lookup("#" + nodeId(id)));
    }

    /** The tab of {@code id}, if it is a tab of the window. */
    public Optional<Tab> tab(ControlId id) {
        for (Node pane : root.lookupAll(".tab-pane")) {
            tabsOf((TabPane) pane);
        }
        for (List<Tab> tabs : allTabs.values()) {
            for (Tab tab : tabs) {
                if (nodeId(id).equals(tab.getId())) {
                    return Optional.of(tab);
                }
            }
        }
        return Optional.empty();
    }

    /** The menu item of {@code id}, if it is one (presentation mode). */
    public Optional<MenuItem> menuItem(ControlId id) {
        for (Menu menu : menus.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (id.id().equals(item.getId())) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    /** Outlines {@code id}'s node (a tab: its header), clearing the outline before; {@code null} clears it. */
    public void outline(ControlId id) {
        if (outlined != null) {
            outlined.getStyleClass().removeAll(HIGHLIGHT, HIGHLIGHT_VIEW);
            outlined = null;
        }
        if (id != null) {
            node(id).ifPresent(node -> {
                outlined = node;
                node.getStyleClass().add(id.kind().isView() && id.kind() != ControlId.Kind.TAB ? HIGHLIGHT_VIEW : HIGHLIGHT);
            });
        }
    }

    /** The node outlined now, if any. */
    public Optional<Node> outlined() {
        return Optional.ofNullable(outlined);
    }

    /**
     * Shows the tabs, views and controls in {@code views} and {@code controls} and hides the
     * others. The Lessons panel is shown and hidden by its own switch, never by a setup.
     */
    public void show(Set<ControlId> views, Set<ControlId> controls) {
        hidden.forEach((node, wasVisible) -> setShown(node, wasVisible));
        hidden.clear();
        for (ControlId id : ControlId.values()) {
            if (id.planned() || id == ControlId.LESSONS || id == ControlId.PRESENTATION) {
                continue;
            }
            boolean shown = id.kind().isView() ? views.contains(id) : !id.kind().isControl() || controls.contains(id);
            if (id.kind() == ControlId.Kind.TAB) {
                tab(id).ifPresent(tab -> showTab(tab, shown));
            } else if (!shown) {
                node(id).map(ControlNodes::hideable).filter(node -> !node.visibleProperty().isBound()).ifPresent(node -> {
                    hidden.putIfAbsent(node, node.isVisible());
                    setShown(node, false);
                });
            }
        }
        menuItem(ControlId.PRESENTATION).ifPresent(item -> item.setVisible(controls.contains(ControlId.PRESENTATION)));
    }

    private void showTab(Tab tab, boolean shown) {
        TabPane pane = tab.getTabPane() != null ? tab.getTabPane()
                : allTabs.keySet().stream().filter(p -> allTabs.get(p).contains(tab)).findFirst().orElse(null);
        if (pane == null || pane.getTabs().contains(tab) == shown) {
            return;
        }
        if (!shown) {
            pane.getTabs().remove(tab);
            return;
        }
        List<Tab> order = allTabs.get(pane);
        List<Tab> showing = new ArrayList<>();
        for (Tab t : order) {
            if (t == tab || pane.getTabs().contains(t)) {
                showing.add(t);
            }
        }
        pane.getTabs().add(showing.indexOf(tab), tab);
    }

    private List<Tab> tabsOf(TabPane pane) {
        return allTabs.computeIfAbsent(pane, p -> List.copyOf(p.getTabs()));
    }

    /** A control with a label before it is hidden with its label; a view alone on its card, with its card. */
    private static Node hideable(Node node) {
        Parent parent = node.getParent();
        if (parent != null && parent.getStyleClass().contains("card") && parent.getChildrenUnmodifiable().size() <= 2) {
            return parent;
        }
        if (node.getParent() instanceof HBox box && !box.getChildren().isEmpty()
                && box.getChildren().get(0) instanceof Label label && label.getLabelFor() == node) {
            return box;
        }
        return node;
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
