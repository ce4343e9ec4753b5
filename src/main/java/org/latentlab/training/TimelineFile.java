package org.latentlab.training;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.model.ModelConfig;

/**
 * The {@code timeline.bin} entry of a run file: a header (format name, version, the layout, the
 * thinning level, the entry count), then per entry its iteration, epoch, place in the epoch, β,
 * learning rate and its frame as packed in memory (deflated: the zip stores this entry without
 * compressing it again). Big-endian, as {@link DataOutputStream} writes.
 *
 * <p>Reading checks every size before allocating from it: the layout against the model, the
 * count against {@link TimelineSchedule#MAX_ENTRIES}, each packed frame against the most its
 * layout can take, and unpacks each frame once to check its contents (docs/decisions/0096).
 */
final class TimelineFile {

    static final String ENTRY_NAME = "timeline.bin";
    private static final int MAGIC = 0x4c4c544c; // "LLTL"
    /** 1: the first timelines. */
    static final int VERSION = 1;

    private TimelineFile() {
    }

    static void write(TrainingTimeline timeline, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        TimelineLayout layout = timeline.layout();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(layout.probeCount());
        out.writeInt(layout.latentSize());
        out.writeInt(layout.imageWidth());
        out.writeInt(layout.imageHeight());
        out.writeInt(layout.gridSize());
        out.writeInt(layout.stripLength());
        out.writeInt(timeline.level());
        out.writeInt(timeline.size());
        for (TimelineEntry entry : timeline.entries()) {
            out.writeLong(entry.iteration());
            out.writeInt(entry.epoch());
            out.writeDouble(entry.epochProgress());
            out.writeDouble(entry.beta());
            out.writeDouble(entry.learningRate());
            out.writeInt(entry.packed().length);
            out.write(entry.packed());
        }
        out.flush();
    }

    /**
     * Reads a timeline of a run of {@code model} that has taken {@code steps} steps.
     *
     * @throws IOException saying what is wrong, for "{file} is damaged: …"
     */
    static TrainingTimeline read(InputStream stream, ModelConfig model, long steps) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException(ENTRY_NAME + " is not a Latent Lab timeline");
        }
        int version = in.readInt();
        if (version > VERSION || version < 1) {
            throw new IOException(ENTRY_NAME + " is of version " + version + "; this Latent Lab reads version "
                    + VERSION + " (a newer one wrote it?)");
        }
        TimelineLayout layout;
        try {
            layout = new TimelineLayout(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt());
        } catch (IllegalArgumentException e) {
            throw new IOException(ENTRY_NAME + " describes entries of " + e.getMessage());
        }
        if (layout.imageWidth() != model.imageWidth() || layout.imageHeight() != model.imageHeight()
                || layout.latentSize() != model.topLatentSize()) {
            throw new IOException(ENTRY_NAME + " shows " + layout.imageWidth() + "×" + layout.imageHeight()
                    + " images and " + layout.latentSize() + "-D codes, not the model's " + model.imageWidth() + "×"
                    + model.imageHeight() + " and " + model.topLatentSize() + "-D");
        }
        int level = in.readInt();
        int count = in.readInt();
        if (count < 0 || count > TimelineSchedule.MAX_ENTRIES || level < 0 || level > TimelineSchedule.MAX_LEVEL) {
            throw new IOException(ENTRY_NAME + " holds " + count + " entries thinned " + level + " times; at most "
                    + TimelineSchedule.MAX_ENTRIES + " entries are read");
        }
        long largest = layout.entryBytes() + 1024; // deflate's worst case adds 5 bytes in 16 KB
        List<TimelineEntry> entries = new ArrayList<>();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long iteration = in.readLong();
            int epoch = in.readInt();
            double progress = in.readDouble();
            double beta = in.readDouble();
            double learningRate = in.readDouble();
            int length = in.readInt();
            if (iteration <= previous || iteration > steps) {
                throw new IOException(ENTRY_NAME + " entry " + (i + 1) + " is at iteration " + iteration
                        + ", after " + previous + " and within the run's " + steps + " steps expected");
            }
            if (length < 0 || length > largest) {
                throw new IOException(ENTRY_NAME + " entry " + (i + 1) + " holds " + length + " bytes; its layout"
                        + " allows at most " + largest);
            }
            byte[] packed = in.readNBytes(length);
            if (packed.length < length) {
                throw new IOException(ENTRY_NAME + " ends inside entry " + (i + 1));
            }
            try {
                TimelineEntry entry = new TimelineEntry(iteration, epoch, progress, beta, learningRate, packed);
                entry.frame(layout); // checks the frame's lengths and values
                entries.add(entry);
            } catch (IllegalArgumentException e) {
                throw new IOException(ENTRY_NAME + " entry " + (i + 1) + " (iteration " + iteration + "): "
                        + e.getMessage());
            }
            previous = iteration;
        }
        if (in.read() >= 0) {
            throw new IOException(ENTRY_NAME + " holds more than its " + count + " entries");
        }
        return count == 0 ? TrainingTimeline.empty() : new TrainingTimeline(layout, level, entries);
    }
}
