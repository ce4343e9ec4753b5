package org.latentlab.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.data.Dataset;
import org.latentlab.data.EmbeddedMnist;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.NativeBackend;
import org.latentlab.model.TrainingKernels;

/**
 * Epoch times of the 784-256-2 network's variants in one process, an epoch of each in turn, the
 * order reversed every round: on a machine shared with other work, models measured side by side
 * in the same minutes see the same load, which separate {@code bench} runs do not. Prints, per
 * variant, the median and least wall and training-thread CPU seconds of an epoch over every round
 * but the first, and each variant's ratio to the first one named.
 *
 * <pre>
 *   AlternatingEpochs [rounds] [variant ...]     (9; vae cvae gaussian learned learned-per-pixel)
 * </pre>
 */
public final class AlternatingEpochs {

    private AlternatingEpochs() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("vae", "cvae", "gaussian", "learned", "learned-per-pixel");
        Dataset digits = EmbeddedMnist.load();
        Map<String, TrainingSession> sessions = new LinkedHashMap<>();
        Map<String, List<double[]>> seconds = new LinkedHashMap<>();
        for (String name : names) {
            sessions.put(name, new TrainingSession(digits, digits.head(0), variant(name),
                    new TrainingConfig(1e-3, 128, 0, new BetaSchedule.Constant(1), LossTerms.COMBINED, 42)));
            seconds.put(name, new ArrayList<>());
        }
        System.out.printf(Locale.ROOT, "%s; %s; %s; %d rounds of one epoch of each over 10,000 digits%n",
                NativeBackend.report().cpu(), NativeBackend.report().description(), TrainingKernels.description(), rounds);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> order = new ArrayList<>(names);
        for (int round = 0; round < rounds; round++) {
            for (String name : order) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                sessions.get(name).runEpoch();
                if (round > 0) { // the first round warms the JIT up
                    seconds.get(name).add(new double[] {(System.nanoTime() - wall) / 1e9,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1e9});
                }
            }
            Collections.reverse(order);
        }
        double[] first = null;
        for (String name : names) {
            double[] wall = seconds.get(name).stream().mapToDouble(s -> s[0]).sorted().toArray();
            double[] cpu = seconds.get(name).stream().mapToDouble(s -> s[1]).sorted().toArray();
            double[] medians = {wall[wall.length / 2], cpu[cpu.length / 2]};
            first = first == null ? medians : first;
            System.out.printf(Locale.ROOT, "%-18s wall %.3f s (least %.3f)  thread cpu %.3f s (least %.3f)  ratio %.2f / %.2f%n",
                    name, medians[0], wall[0], medians[1], cpu[0], medians[0] / first[0], medians[1] / first[1]);
        }
        System.out.printf(Locale.ROOT, "load average %.1f at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static ModelConfig variant(String name) {
        ModelConfig vae = ModelConfig.reference(ModelKind.VAE, 42);
        ModelConfig gaussian = new ModelConfig(ModelKind.VAE, 28, 28, List.of(256), 2, Activation.RELU,
                Likelihood.GAUSSIAN, 0.1, 42);
        return switch (name) {
            case "vae" -> vae;
            case "cvae" -> vae.withConditionClasses(10);
            case "gaussian" -> gaussian;
            case "learned" -> gaussian.withDecoderStd(DecoderVariance.LEARNED, 0.1);
            case "learned-per-pixel" -> gaussian.withDecoderStd(DecoderVariance.LEARNED_PER_PIXEL, 0.1);
            default -> throw new IllegalArgumentException("unknown variant '" + name
                    + "': expected vae, cvae, gaussian, learned or learned-per-pixel");
        };
    }
}
