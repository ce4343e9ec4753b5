package org.latentlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.latentlab.data.Dataset;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.ScatterData;
import org.latentlab.render.TimelineFigureData;
import org.latentlab.training.TimelineEntry;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.TimelineLayout;
import org.latentlab.training.TrainingTimeline;

/**
 * Gathers what {@code render --figure timeline} draws from a run folder's timeline: the recorded
 * moments nearest to the iterations asked for (by default the first, those nearest to a hundredth
 * and a tenth of the run, and the last), each with its held-out codes coloured by class, its
 * decoded grid and its prior samples, and the run's losses.
 */
final class TimelineFigureBuilder {

    /** The most moments a figure shows side by side. */
    static final int MAX_MOMENTS = 8;

    private TimelineFigureBuilder() {
    }

    static TimelineFigureData build(RunFolder folder, List<Long> at, String subject) {
        TrainingTimeline timeline = folder.run().timeline();
        if (timeline.isEmpty()) {
            throw new LatentLabCommand.CommandFailure(folder.folder() + " holds no timeline: its run was saved by a"
                    + " Latent Lab from before timelines, or trained with --no-timeline. Train it again to record one.");
        }
        TimelineLayout layout = timeline.layout();
        Dataset held = folder.validation();
        int[] labels = null;
        if (held.hasLabels() && held.size() >= layout.probeCount()) {
            labels = new int[layout.probeCount()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = held.label(i);
            }
        }
        List<TimelineFigureData.Moment> moments = new ArrayList<>();
        for (int index : chosen(timeline, at, folder.run().iterations().size())) {
            moments.add(moment(timeline, index, labels, held.classNames()));
        }
        String note = String.format(Locale.ROOT, "%,d held-out images' codes, a %d × %d grid decoded at z = Φ⁻¹(u), %d"
                        + " samples from fixed prior draws; orange lines mark the moments on the losses%s",
                layout.probeCount(), layout.gridRows(), layout.gridSize(), layout.stripLength(),
                at.isEmpty() ? "" : " (the recorded moments nearest to those asked for)");
        return new TimelineFigureData(FigureLabels.titled("Training of a " + subject + " replayed").withNote(note),
                moments, RenderCommand.lossHistory(folder.run()));
    }

    /**
     * The indices of the moments to draw, in order and each once: those nearest to {@code at}, or
     * by default the first, those nearest to a hundredth and a tenth of the last iteration, and the last.
     */
    static List<Integer> chosen(TrainingTimeline timeline, List<Long> at, long iterations) {
        long last = timeline.entry(timeline.size() - 1).iteration();
        List<Long> asked = at.isEmpty() ? List.of(0L, last / 100, last / 10, last) : at;
        if (asked.size() > MAX_MOMENTS) {
            throw new IllegalArgumentException("--at names " + asked.size() + " moments; a figure shows at most "
                    + MAX_MOMENTS + " side by side");
        }
        Set<Integer> indices = new LinkedHashSet<>();
        for (long iteration : asked) {
            if (iteration < 0 || iteration > iterations) {
                throw new IllegalArgumentException("--at " + iteration + " is outside this run's " + iterations
                        + " iterations");
            }
            indices.add(timeline.nearest(iteration));
        }
        return indices.stream().sorted().toList();
    }

    private static TimelineFigureData.Moment moment(TrainingTimeline timeline, int index, int[] labels,
                                                    List<String> classNames) {
        TimelineEntry entry = timeline.entry(index);
        TimelineFrame frame = timeline.frame(index);
        TimelineLayout layout = timeline.layout();
        ScatterData points = labels == null ? ScatterData.unlabelled(frame.xs(), frame.ys())
                : new ScatterData(frame.xs(), frame.ys(), labels, classNames);
        String[] axes = frame.plane().axisNames();
        String title = String.format(Locale.ROOT, "iteration %,d · %.1f epochs", entry.iteration(),
                entry.epoch() + entry.epochProgress());
        return new TimelineFigureData.Moment(title, entry.iteration(), points, axes[0],
                layout.latentSize() == 1 ? "" : axes[1],
                new GrayscaleImages(frame.grid().intensities(), layout.imageWidth(), layout.imageHeight()),
                layout.gridRows(), layout.gridSize(),
                new GrayscaleImages(frame.samples().intensities(), layout.imageWidth(), layout.imageHeight()));
    }
}
