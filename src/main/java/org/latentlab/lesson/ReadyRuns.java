package org.latentlab.lesson;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every ready-trained run the lessons load, with what it shows and the one seeded command that
 * makes it: the one place their names live. {@code src/lessons/make-ready-runs.sh} reads the list
 * from {@link #main}.
 */
public final class ReadyRuns {

    /** Every ready run, in the order the lessons first use them. */
    public static final List<ReadyRun> ALL = List.of(
            new ReadyRun("ae-2d", "The autoencoder 784-256-2 on the digits after 50 epochs: one point per image, no KL term",
                    "train --model ae --epochs 50 --seed 42", false),
            new ReadyRun("vae-2d-epoch-1", "The reference 2-D VAE after 1 epoch: the classes are only starting to separate",
                    "train --epochs 1 --seed 42", false),
            new ReadyRun("vae-2d-epoch-5", "The reference 2-D VAE after 5 epochs: clusters inside the prior's circles",
                    "train --epochs 5 --seed 42", false),
            new ReadyRun("vae-2d-epoch-50", "The reference 2-D VAE after 50 epochs: a well-trained 2-D latent space",
                    "train --epochs 50 --seed 42", false),
            new ReadyRun("compare-ablation",
                    "The autoencoder and VAEs on reconstruction only, KL only and both, 10 epochs on the same batches",
                    "train --compare ablation --epochs 10 --seed 42", false),
            new ReadyRun("faces-8d", "An 8-D VAE with the Gaussian decoder on the synthetic faces after 20 epochs",
                    "train --dataset faces --latent 8 --decoder gaussian --decoder-std 0.1 --epochs 20 --seed 42", false),
            new ReadyRun("cvae-2d", "A conditional VAE 784-256-2 on the digits, 2-D style space, after 20 epochs",
                    "train --model cvae --hidden 256 --epochs 20 --seed 3", false),
            new ReadyRun("hvae-16-2", "A hierarchical VAE with 16 and 2 latent dimensions after 20 epochs",
                    "train --model hvae --latent 16,2 --epochs 20 --seed 42", false));

    private ReadyRuns() {
    }

    /** Every ready run's name, in order. */
    public static List<String> names() {
        return ALL.stream().map(ReadyRun::name).collect(Collectors.toList());
    }

    /** The run named {@code name}, ignoring case. */
    public static Optional<ReadyRun> byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(run -> run.name().equals(wanted)).findFirst();
    }

    /** @throws IllegalArgumentException naming the nearest run and listing them all */
    public static ReadyRun parse(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown ready run '" + name.strip() + "'"
                + NearestName.suggestion(name, names()) + " (the runs are " + String.join(", ", names()) + ")"));
    }

    /**
     * Prints one line per run for {@code make-ready-runs.sh}: its name, {@code ready} or
     * {@code planned}, and its command, separated by tabs.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (ReadyRun run : ALL) {
            out.println(run.name() + "\t" + (run.planned() ? "planned" : "ready") + "\t" + run.command());
        }
    }
}
