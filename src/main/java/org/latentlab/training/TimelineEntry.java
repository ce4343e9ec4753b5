package org.latentlab.training;

import java.util.Arrays;
import java.util.Objects;

/**
 * One moment of a training timeline: the iteration, epoch, β and learning rate, and what the views
 * showed then ({@link TimelineFrame}), packed. The losses up to the moment need no copy: the
 * history is append-only, so the first {@link #iteration()} entries of the run's history are the
 * losses up to it. Immutable; equal to another entry holding the same numbers and bytes.
 */
public final class TimelineEntry {

    /** What an entry takes besides its packed bytes: the object, its numbers, the array's header. */
    static final int OVERHEAD_BYTES = 96;

    private final long iteration;
    private final int epoch;
    private final double epochProgress;
    private final double beta;
    private final double learningRate;
    /** Never written after construction, and never handed out. */
    private final byte[] packed;

    /**
     * @param iteration     optimisation steps taken at that moment
     * @param epoch         epochs completed then
     * @param epochProgress how far through the next epoch, in [0, 1)
     * @param beta          β for the step after it
     * @param learningRate  Adam's step size then
     * @param packed        the frame, as {@link TimelineFrame#pack()} made it; not copied
     */
    TimelineEntry(long iteration, int epoch, double epochProgress, double beta, double learningRate, byte[] packed) {
        if (iteration < 0 || epoch < 0 || !(epochProgress >= 0 && epochProgress < 1)) {
            throw new IllegalArgumentException("a moment at iteration " + iteration + ", epoch " + epoch
                    + " and " + epochProgress + " of the next");
        }
        if (!(Double.isFinite(beta) && beta >= 0) || !(Double.isFinite(learningRate) && learningRate > 0)) {
            throw new IllegalArgumentException("a moment with β " + beta + " and learning rate " + learningRate);
        }
        this.iteration = iteration;
        this.epoch = epoch;
        this.epochProgress = epochProgress;
        this.beta = beta;
        this.learningRate = learningRate;
        this.packed = Objects.requireNonNull(packed, "packed");
    }

    /** Packs {@code frame} as the entry of {@code capture}'s moment. */
    static TimelineEntry of(TimelineCapture capture, TimelineFrame frame) {
        return new TimelineEntry(capture.iteration(), capture.epoch(), capture.epochProgress(), capture.beta(),
                capture.learningRate(), frame.pack());
    }

    /** This entry with its frame Huffman-coded ({@link TimelineFrame#compact}); the same moment, about half the bytes. */
    TimelineEntry compacted(TimelineLayout layout) {
        return new TimelineEntry(iteration, epoch, epochProgress, beta, learningRate,
                TimelineFrame.compact(packed, layout));
    }

    /** What the views showed; unpacked anew each time (about a millisecond for the reference model). */
    public TimelineFrame frame(TimelineLayout layout) {
        return TimelineFrame.unpack(packed, layout);
    }

    public long iteration() {
        return iteration;
    }

    public int epoch() {
        return epoch;
    }

    public double epochProgress() {
        return epochProgress;
    }

    public double beta() {
        return beta;
    }

    public double learningRate() {
        return learningRate;
    }

    /** The bytes it takes in memory. */
    public long bytes() {
        return packed.length + OVERHEAD_BYTES;
    }

    /** The packed frame, for the run file; not to be written to. */
    byte[] packed() {
        return packed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimelineEntry e && iteration == e.iteration && epoch == e.epoch
                && Double.compare(epochProgress, e.epochProgress) == 0 && Double.compare(beta, e.beta) == 0
                && Double.compare(learningRate, e.learningRate) == 0 && Arrays.equals(packed, e.packed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(iteration, epoch, epochProgress, beta, learningRate, Arrays.hashCode(packed));
    }

    @Override
    public String toString() {
        return "TimelineEntry[iteration " + iteration + ", epoch " + epoch + ", " + packed.length + " bytes]";
    }
}
