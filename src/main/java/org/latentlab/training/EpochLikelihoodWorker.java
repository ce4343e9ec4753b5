package org.latentlab.training;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.latentlab.data.Dataset;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.LikelihoodEvaluation;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;

/**
 * Estimates one session's held-out −log p(x) after every epoch, off the training thread: at the
 * end of an epoch the training thread encodes a fixed subset of the held-out images (N of them,
 * chosen once by a seeded shuffle) and copies the decoder, about a millisecond, and hands both to
 * {@code worker}, where importance sampling with K samples per image scores them
 * ({@link LikelihoodEvaluation}, one thread). The latest epoch wins: an epoch that ends while an
 * estimate is running replaces one still waiting, and the running one finishes. A conditional VAE's
 * images are scored as p(x|y), each with its own class. The estimates take at most
 * {@link #CORE_SHARE} of a core: after each, the worker rests nineteen times as long before it takes the
 * newest epoch waiting, so short epochs get a point every few epochs rather than slowing the window
 * (the renderer and the trainer share two cores). docs/decisions/0071 says why N and K are what they are.
 *
 * <p>{@link #epochEnded} is confined to the training thread; {@link #latest()} may be read from any
 * thread.
 */
public final class EpochLikelihoodWorker {

    /** N, the held-out images scored after each epoch. */
    public static final int IMAGES = 500;
    /** K, the importance samples per image. */
    public static final int SAMPLES = 20;
    /** The largest share of one core the estimates take, resting between them. */
    static final double CORE_SHARE = 0.05;
    /** Chooses the subset: the same images every epoch and every run of a set. */
    static final long SUBSET_SEED = 7_1071L;
    /** Image i of the subset draws its ε from {@code new SplittableRandom(NOISE_SEED + i)}, every epoch. */
    static final long NOISE_SEED = 1;

    private record Request(int epoch, long iteration, DecoderWeights weights, Encoding encoding) {
    }

    private final int samples;
    private final float[] pixels;
    private final int[] labels;
    private final int count;
    private final Executor worker;
    private final AtomicReference<Request> waiting = new AtomicReference<>();
    private final AtomicReference<EpochLikelihoods> latest;
    /** {@link System#nanoTime()} before which the worker does not start the next estimate. */
    private volatile long restUntil = System.nanoTime();

    /**
     * @param validation the held-out images, of which up to {@code images} are scored
     * @param config     the model's configuration: an autoencoder or a hierarchical VAE gets no estimate
     * @param worker     runs the estimates, one at a time, never the training thread
     */
    EpochLikelihoodWorker(Dataset validation, ModelConfig config, int images, int samples, Executor worker) {
        if (images < 1) {
            throw new IllegalArgumentException("the held-out likelihood needs at least 1 image, got " + images);
        }
        this.samples = samples;
        this.worker = worker;
        this.count = Math.min(images, validation.size());
        Dataset chosen = validation.subset(subset(validation.size(), count), validation.name());
        this.pixels = chosen.pixels(count);
        this.labels = config.conditional() ? chosen.labels(count) : null;
        String why = switch (config.kind()) {
            case VAE, CVAE -> count == 0 ? "no held-out images" : null;
            case AUTOENCODER -> "an autoencoder has no likelihood";
            case HVAE -> "not estimated for a hierarchical VAE (needs both levels' weights)";
        };
        this.latest = new AtomicReference<>(why == null ? EpochLikelihoods.none(count, samples)
                : EpochLikelihoods.missing(why));
    }

    /** A worker of {@value #IMAGES} images and {@value #SAMPLES} samples. */
    static EpochLikelihoodWorker standard(Dataset validation, ModelConfig config, Executor worker) {
        return new EpochLikelihoodWorker(validation, config, IMAGES, SAMPLES, worker);
    }

    /** A thread for estimates: one daemon thread of the lowest priority, "latent-lab-epoch-likelihood". */
    public static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "latent-lab-epoch-likelihood");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /**
     * The indices of {@code count} of {@code size} images, by a partial shuffle seeded with
     * {@link #SUBSET_SEED}, in increasing order.
     */
    static int[] subset(int size, int count) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SUBSET_SEED);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] chosen = Arrays.copyOf(indices, count);
        Arrays.sort(chosen);
        return chosen;
    }

    /**
     * Called on the training thread when {@code metrics}' epoch has ended, with the model as it is
     * then: encodes the subset, copies the decoder and hands them to the worker.
     */
    void epochEnded(LatentModel model, EpochMetrics metrics) {
        if (!latest.get().available()) {
            return;
        }
        Request request = new Request(metrics.epoch(), metrics.iteration(), model.decoderWeights(),
                model.encode(pixels, labels, count));
        if (waiting.getAndSet(request) == null) {
            try {
                worker.execute(this::runWaiting);
            } catch (RejectedExecutionException closing) {
                waiting.set(null); // the trainer is closing: nobody will read it
            }
        }
    }

    /** The estimates so far; never null. */
    public EpochLikelihoods latest() {
        return latest.get();
    }

    private void runWaiting() {
        rest();
        Request request = waiting.getAndSet(null);
        if (request == null) {
            return;
        }
        long start = System.nanoTime();
        try {
            EpochLikelihood estimate = estimate(request.epoch(), request.iteration(), request.weights(), request.encoding());
            latest.updateAndGet(l -> l.with(estimate));
        } catch (RuntimeException | OutOfMemoryError e) { // the line stops, training goes on; the legend says why
            latest.set(EpochLikelihoods.missing("the estimate of epoch " + request.epoch() + " failed: " + e));
        } finally {
            long now = System.nanoTime();
            restUntil = now + (long) ((now - start) * (1 / CORE_SHARE - 1));
        }
    }

    /** Waits until {@link #restUntil}, or until the worker is interrupted (the trainer closing). */
    private void rest() {
        for (long wait = restUntil - System.nanoTime(); wait > 0 && !Thread.currentThread().isInterrupted();
                wait = restUntil - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Importance sampling of the subset's images under {@code weights}, with their posteriors {@code encoding}. */
    EpochLikelihood estimate(int epoch, long iteration, DecoderWeights weights, Encoding encoding) {
        long start = System.nanoTime();
        LikelihoodReport report = LikelihoodEvaluation.run(weights, pixels, labels, encoding,
                new EvaluationSettings(samples, NOISE_SEED, null, 1), () -> false);
        return new EpochLikelihood(epoch, iteration, count, samples, report.negativeLogMarginalIwae(),
                report.negativeLogMarginalIwaeStandardError(), report.negativeElbo(), report.negativeElboStandardError(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The subset's pixels, image after image (a copy). */
    float[] pixels() {
        return pixels.clone();
    }

    /** The subset's classes for a conditional model, else {@code null} (a copy). */
    int[] labels() {
        return labels == null ? null : labels.clone();
    }
}
