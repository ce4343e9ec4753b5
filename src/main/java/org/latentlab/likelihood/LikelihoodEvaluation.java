package org.latentlab.likelihood;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import org.latentlab.model.ConditionalPriorWeights;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;

/**
 * Evaluates a whole set of images: importance sampling for each, and quadrature for a 2-D latent
 * space, shared between threads that each own a {@link LikelihoodEstimator}. The threads take
 * blocks of images in turn; every image draws its own ε stream ({@link EvaluationSettings#seed()}),
 * so the report is the same for any number of threads. A conditional VAE's images are scored as
 * p(x|y) with each image's own class y: its decoder with y fixed ({@link DecoderWeights#forClass}),
 * and q(z|x, y) from an encoder that read y too. Stateless.
 */
public final class LikelihoodEvaluation {

    /** Images a thread takes at a time: small enough to share the work evenly. */
    private static final int BLOCK = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LikelihoodEvaluation() {
    }

    /**
     * Runs the evaluation on the calling thread and {@code settings.threads() − 1} more, and
     * returns when all are done.
     *
     * @param images   the set's pixels, one image after another
     * @param labels   each image's class for a conditional decoder, else {@code null}
     * @param encoding their posteriors q(z|x) (q(z|x, y) for a conditional model), in the same order
     * @throws CancellationException when {@code cancelled} answered true before the end
     */
    public static LikelihoodReport run(DecoderWeights weights, float[] images, int[] labels, Encoding encoding,
            EvaluationSettings settings, BooleanSupplier cancelled) {
        int count = encoding.count();
        if (weights.conditional() != (labels != null) || labels != null && labels.length < count) {
            throw new IllegalArgumentException(weights.conditional()
                    ? "a conditional decoder scores each image with its class: " + count + " images need as many labels"
                    : "a decoder that reads no class takes no labels");
        }
        if ((long) count * weights.outputSize() > images.length) {
            throw new IllegalArgumentException(count + " posteriors but only " + images.length / weights.outputSize()
                    + " images");
        }
        boolean quadrature = settings.quadrature() != null;
        if (quadrature && weights.latentSize() != 2) {
            throw new IllegalArgumentException("quadrature needs a 2-D latent space, this model's has "
                    + weights.latentSize() + " dimensions");
        }
        ImportanceEstimate[] importance = new ImportanceEstimate[count];
        long start = System.nanoTime();
        IntFunction<LikelihoodEstimator> estimatorFor = y -> new LikelihoodEstimator(y < 0 ? weights : weights.forClass(y));
        long importanceCpu = inParallel(estimatorFor, labels, count, settings.threads(), cancelled, (estimator, from, to, stop) -> {
            List<ImportanceEstimate> block = estimator.importanceSampling(images, encoding, from, to,
                    settings.samples(), settings.seed(), stop);
            for (int i = from; i < to; i++) {
                importance[i] = block.get(i - from);
            }
        });
        long importanceNanos = System.nanoTime() - start;
        if (!quadrature) {
            return new LikelihoodReport(settings, weights.outputSize(), List.of(importance), null,
                    new LikelihoodReport.Timings(importanceNanos, 0, importanceCpu, 0));
        }
        PosteriorGrid.Summary[] grids = new PosteriorGrid.Summary[count];
        start = System.nanoTime();
        long quadratureCpu = inParallel(estimatorFor, labels, count, settings.threads(), cancelled, (estimator, from, to, stop) -> {
            List<PosteriorGrid> block = estimator.posteriors(images, encoding, from, to, settings.quadrature(), stop);
            for (int i = from; i < to; i++) {
                grids[i] = block.get(i - from).summary();
            }
        });
        return new LikelihoodReport(settings, weights.outputSize(), List.of(importance), List.of(grids),
                new LikelihoodReport.Timings(importanceNanos, System.nanoTime() - start, importanceCpu, quadratureCpu));
    }

    /**
     * A hierarchical VAE's images by importance sampling ({@link HierarchicalEstimator}), on the
     * calling thread and {@code settings.threads() − 1} more; no quadrature (z₁ is not 2-D).
     *
     * @param images the set's pixels, one image after another
     * @param lower  their posteriors q(z₁|x), in the same order
     * @param upper  their posteriors q(z₂|x), in the same order
     * @throws CancellationException when {@code cancelled} answered true before the end
     */
    public static LikelihoodReport runHierarchical(DecoderWeights weights, ConditionalPriorWeights prior, float[] images,
            Encoding lower, Encoding upper, EvaluationSettings settings, BooleanSupplier cancelled) {
        int count = lower.count();
        if (upper.count() != count || (long) count * weights.outputSize() > images.length) {
            throw new IllegalArgumentException(count + " posteriors of z₁, " + upper.count() + " of z₂ and "
                    + images.length / weights.outputSize() + " images");
        }
        if (settings.quadrature() != null) {
            throw new IllegalArgumentException("quadrature needs a 2-D latent space: a hierarchical VAE's z₁ has "
                    + lower.latentSize() + " dimensions");
        }
        ImportanceEstimate[] importance = new ImportanceEstimate[count];
        long start = System.nanoTime();
        long cpu = inParallel(y -> new HierarchicalEstimator(weights, prior), null, count, settings.threads(), cancelled,
                (estimator, from, to, stop) -> {
                    List<ImportanceEstimate> block = estimator.importanceSampling(images, lower, upper, from, to,
                            settings.samples(), settings.seed(), stop);
                    for (int i = from; i < to; i++) {
                        importance[i] = block.get(i - from);
                    }
                });
        return new LikelihoodReport(settings, weights.outputSize(), List.of(importance), null,
                new LikelihoodReport.Timings(System.nanoTime() - start, 0, cpu, 0));
    }

    /** One thread's share of a pass: images {@code from} to {@code to}, with that thread's estimator. */
    private interface Block<E> {
        void run(E estimator, int from, int to, BooleanSupplier stop);
    }

    /**
     * Runs {@code block} over all the images in blocks of {@link #BLOCK}, on the calling thread and
     * {@code threads − 1} more, each with its own estimators; rethrows the first failure. With
     * labels, a block is cut into runs of images of one class, each given that class's estimator.
     *
     * @param estimatorFor makes a thread's estimator for a class, or for −1 without labels
     * @return the CPU time the threads spent, summed, in nanoseconds
     */
    private static <E> long inParallel(IntFunction<E> estimatorFor, int[] labels, int count, int threads,
            BooleanSupplier cancelled, Block<E> block) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        AtomicLong cpu = new AtomicLong();
        Runnable work = () -> {
            long cpuAtStart = THREADS.getCurrentThreadCpuTime();
            try {
                Map<Integer, E> estimators = new HashMap<>();
                for (int from = next.getAndAdd(BLOCK); from < count; from = next.getAndAdd(BLOCK)) {
                    int to = Math.min(count, from + BLOCK);
                    for (int a = from, b; a < to; a = b) {
                        int label = labels == null ? -1 : labels[a];
                        b = a + 1;
                        while (b < to && labels != null && labels[b] == label) {
                            b++;
                        }
                        E estimator = estimators.computeIfAbsent(label, estimatorFor::apply);
                        block.run(estimator, a, b, stop);
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(work, "latent-lab-likelihood-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            joinUninterruptibly(helper);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return cpu.get();
    }

    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("a newer request replaced this one");
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
