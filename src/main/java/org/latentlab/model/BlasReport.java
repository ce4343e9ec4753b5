package org.latentlab.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What the loaded OpenBLAS runs with, in words for {@code --version}, {@code bench} and the one
 * warning the program gives when it cannot use the kernels this processor deserves. Immutable.
 *
 * @param setup    what was chosen before the library loaded
 * @param coreName the kernels in use, as OpenBLAS names them ("SkylakeX", "Prescott", ...)
 * @param library  the library and its version, e.g. "OpenBLAS 0.3.19"
 * @param threads  the library's thread count, or -1 if it could not be read
 */
public record BlasReport(BlasSetup setup, String coreName, String library, int threads) {

    /** The processor, e.g. "Intel(R) Xeon(R) Processor, family 6 model 207". */
    public String cpu() {
        return setup.cpu().describe();
    }

    /** E.g. "OpenBLAS 0.3.19, SkylakeX kernels (chosen for this processor's AVX-512), 1 thread". */
    public String description() {
        return String.format(Locale.ROOT, "%s, %s kernels (%s), %s", library, coreName, howChosen(),
                threads < 0 ? "threads unknown" : threads == 1 ? "1 thread" : threads + " threads");
    }

    private String howChosen() {
        return switch (setup.coreTypeFrom()) {
            case ENVIRONMENT -> NativeBackend.CORE_TYPE + "=" + setup.coreType().orElse("") + " in the environment";
            case LATENT_LAB -> "chosen for this processor's " + setup.level().displayName();
            case LIBRARY -> "OpenBLAS's own choice";
            case UNREACHABLE -> "OpenBLAS's own choice; Latent Lab could not set " + NativeBackend.CORE_TYPE;
        };
    }

    /**
     * One sentence when OpenBLAS runs narrower kernels than the processor offers, with what it
     * costs; empty when the kernels fit (or when either side is unknown).
     */
    public Optional<String> warning() {
        Optional<SimdLevel> inUse = SimdLevel.ofCoreName(coreName);
        SimdLevel offered = setup.level();
        if (inUse.isEmpty() || !offered.isWiderThan(inUse.get())) {
            return Optional.empty();
        }
        String slower = String.format(Locale.ROOT, "Training runs about %.1f times slower than it could",
                inUse.get().slowdownAgainst(offered));
        String fast = offered.coreType().orElse(offered.displayName());
        String measured = " (the figure was measured on an Intel Xeon, family 6 model 207).";
        if (setup.coreTypeFrom() == BlasSetup.Source.ENVIRONMENT) {
            return Optional.of(String.format(Locale.ROOT, "%s: %s=%s makes OpenBLAS use its %s kernels on this %s "
                    + "processor (%s). Unset it and Latent Lab chooses the %s kernels%s", slower, NativeBackend.CORE_TYPE,
                    setup.coreType().orElse(""), coreName, offered.displayName(), cpu(), fast, measured));
        }
        return Optional.of(String.format(Locale.ROOT, "%s: this OpenBLAS does not know this %s processor (%s) and uses "
                + "its %s kernels, and Latent Lab could not ask for the %s kernels%s", slower, offered.displayName(), cpu(),
                coreName, fast, measured));
    }
}
