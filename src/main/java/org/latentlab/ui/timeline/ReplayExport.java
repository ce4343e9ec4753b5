package org.latentlab.ui.timeline;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.IntConsumer;
import org.latentlab.model.ModelKind;
import org.latentlab.render.AnimatedGif;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.LossHistoryData;
import org.latentlab.render.PngFile;
import org.latentlab.render.ScatterData;
import org.latentlab.render.TimelineFigure;
import org.latentlab.render.TimelineFigureData;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TimelineEntry;
import org.latentlab.training.TimelineFrame;
import org.latentlab.training.TimelineLayout;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.training.TrainingTimeline;

/**
 * The replay of a recorded timeline as pictures for slides: every moment drawn as a frame
 * ({@link TimelineFigure#frames}: the latent space, the decoded grid, the samples, the losses with
 * the moment marked), written as one animated GIF or a folder of PNG files. Draws one frame at a
 * time, so memory stays that of a frame. Runs off the JavaFX thread; immutable.
 */
public final class ReplayExport {

    private final TrainingTimeline timeline;
    private final LossHistoryData losses;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param timeline the moments, as recorded
     * @param latest   the trainer's latest snapshot: the run's losses up to now and the probe's classes
     */
    public ReplayExport(TrainingTimeline timeline, TrainingSnapshot latest) {
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("no moment of training has been recorded yet");
        }
        this.timeline = timeline;
        IterationHistory.View history = latest.iterations();
        List<EpochMetrics> epochs = latest.epochs();
        this.losses = new LossHistoryData(history.objectives(), history.reconstructions(),
                latest.modelConfig().kind() == ModelKind.AUTOENCODER ? null : history.kls(),
                EpochMetrics.endIterations(epochs), EpochMetrics.validationNegativeElbos(epochs), history.klByLevel());
        ProbeSet probe = latest.probe();
        boolean labelled = probe.size() == timeline.layout().probeCount() && !probe.classNames().isEmpty()
                && java.util.Arrays.stream(probe.labels()).allMatch(l -> l >= 0 && l < probe.classNames().size());
        this.labels = labelled ? probe.labels() : null;
        this.classNames = probe.classNames();
    }

    /** How many frames there are: one per recorded moment. */
    public int frameCount() {
        return timeline.size();
    }

    /**
     * Writes the replay as an animated GIF that loops, each moment shown {@code delayMillis}.
     *
     * @param progress told each frame's number as it is drawn, from 1
     */
    public void writeGif(Path file, int delayMillis, IntConsumer progress) {
        AnimatedGif.write(file, frames(progress), delayMillis);
    }

    /** Writes the replay into {@code folder} as {@code moment-0001.png} … (made if missing; see {@link #newFramesFolder}). */
    public void writePngs(Path folder, IntConsumer progress) {
        Iterator<BufferedImage> frames = frames(progress);
        for (int i = 1; frames.hasNext(); i++) {
            PngFile.write(frames.next(), folder.resolve(String.format(Locale.ROOT, "moment-%04d.png", i)));
        }
    }

    /** A folder in {@code parent} that does not exist yet: "training-replay", or "training-replay-2", … */
    public static Path newFramesFolder(Path parent) {
        Path folder = parent.resolve("training-replay");
        for (int n = 2; Files.exists(folder); n++) {
            folder = parent.resolve("training-replay-" + n);
        }
        return folder;
    }

    private Iterator<BufferedImage> frames(IntConsumer progress) {
        double farthest = 0;
        for (int i = 0; i < timeline.size(); i++) {
            TimelineFrame frame = timeline.frame(i);
            for (int p = 0; p < frame.xs().length; p++) {
                farthest = Math.max(farthest, Math.max(Math.abs(frame.xs()[p]), Math.abs(frame.ys()[p])));
            }
        }
        TimelineFigure.Frames frames = new TimelineFigure().frames(losses, farthest);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < timeline.size();
            }

            @Override
            public BufferedImage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                progress.accept(next + 1);
                return frames.draw(moment(next++));
            }
        };
    }

    private TimelineFigureData.Moment moment(int index) {
        TimelineEntry entry = timeline.entry(index);
        TimelineFrame frame = timeline.frame(index);
        TimelineLayout layout = timeline.layout();
        ScatterData points = labels == null ? ScatterData.unlabelled(frame.xs(), frame.ys())
                : new ScatterData(frame.xs(), frame.ys(), labels, classNames);
        String[] axes = frame.plane().axisNames();
        String title = String.format(Locale.ROOT, "Iteration %,d · %.1f epochs · β %.2f", entry.iteration(),
                entry.epoch() + entry.epochProgress(), entry.beta());
        return new TimelineFigureData.Moment(title, entry.iteration(), points, axes[0],
                layout.latentSize() == 1 ? "" : axes[1],
                new GrayscaleImages(frame.grid().intensities(), layout.imageWidth(), layout.imageHeight()),
                layout.gridRows(), layout.gridSize(),
                new GrayscaleImages(frame.samples().intensities(), layout.imageWidth(), layout.imageHeight()));
    }
}
