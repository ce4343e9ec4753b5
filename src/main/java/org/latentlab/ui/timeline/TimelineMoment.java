package org.latentlab.ui.timeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.latentlab.training.TimelineEntry;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.TimelineImages;
import org.latentlab.training.TimelineLayout;
import org.latentlab.ui.manifold.ManifoldImages;
import org.latentlab.ui.samples.SampleStripsViewModel;
import org.latentlab.ui.scatter.ScatterPoints;

/**
 * A recorded moment of training, unpacked into what the views show: the scatter's points, the
 * decoded grid and its caption, the reconstructions and the prior samples. Made off the JavaFX
 * thread ({@link #of}); immutable by convention (nobody writes to its arrays).
 *
 * @param entry the moment: iteration, epoch, β
 */
public record TimelineMoment(TimelineEntry entry, ScatterPoints points, ManifoldImages grid, String gridCaption,
                             SampleStripsViewModel.Strip reconstructions, SampleStripsViewModel.Strip samples) {

    /**
     * Unpacks {@code entry} of a timeline of {@code layout}.
     *
     * @param labels     the probe images' classes (−1: none), for the scatter's colours; used only
     *                   when there is one per point
     * @param classNames their names
     */
    public static TimelineMoment of(TimelineEntry entry, TimelineLayout layout, int[] labels, List<String> classNames) {
        TimelineFrame frame = entry.frame(layout);
        int n = frame.xs().length;
        boolean labelled = labels != null && labels.length == n;
        int[] shownLabels = labelled ? labels : unlabelled(n);
        int d = layout.latentSize();
        String note = frame.plane().isPrincipal()
                ? d + "-D latent space seen on the plane of the means' two principal components at that moment"
                : "";
        ScatterPoints points = new ScatterPoints(frame.xs(), frame.ys(), shownLabels,
                labelled ? classNames : List.of(), frame.plane(), note);
        ManifoldImages grid = new ManifoldImages(frame.grid().intensities(), layout.gridRows(), layout.gridSize(),
                layout.imageWidth(), layout.imageHeight());
        // The same words at every moment (the bar under the views says which), so the view keeps its layout.
        String caption = String.format(Locale.ROOT, "The grid as decoded at the moment replayed: %d × %d images at"
                        + " z = Φ⁻¹(u) for u on a regular grid of (0, 1)²%s. A replay shows this grid whatever size and"
                        + " spacing are chosen.", layout.gridRows(), layout.gridSize(),
                frame.plane().isPrincipal() ? ", on the scatter's plane" : "");
        return new TimelineMoment(entry, points, grid, caption, strip(frame.reconstructions()),
                strip(frame.samples()));
    }

    private static SampleStripsViewModel.Strip strip(TimelineImages images) {
        return new SampleStripsViewModel.Strip(images.intensities(), images.count(), images.width(), images.height());
    }

    private static int[] unlabelled(int n) {
        int[] none = new int[n];
        Arrays.fill(none, -1);
        return none;
    }
}
