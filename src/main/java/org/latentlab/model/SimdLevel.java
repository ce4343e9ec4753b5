package org.latentlab.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The widest vector instructions an x86-64 processor offers, and the OpenBLAS 0.3.19 kernels
 * written for them. ND4J's OpenBLAS picks its kernels from a table of processor models; a model
 * newer than the table gets its oldest SSE3 kernels ("Prescott") however wide its vectors are
 * (docs/decisions/0013-blas-kernels-for-every-cpu.md). Latent Lab therefore asks for the kernels
 * of the processor's widest instructions, by name, before the library loads.
 */
enum SimdLevel {

    /** 128-bit SSE only: OpenBLAS's own choice among its SSE kernels is kept. */
    SSE(null, 0, 3.5, "SSE"),
    /** 256-bit AVX without FMA (Sandy Bridge, Ivy Bridge). */
    AVX("Sandybridge", 1, 1.9, "AVX", "avx"),
    /** 256-bit AVX2 with FMA (Haswell to Comet Lake, AMD Zen 1–3, Alder Lake). */
    AVX2("Haswell", 2, 1.6, "AVX2", "avx2", "fma"),
    /** 512-bit AVX-512 with the subsets OpenBLAS's SkylakeX kernels use (Skylake-SP and newer, AMD Zen 4). */
    AVX512("SkylakeX", 3, 1.0, "AVX-512", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    /** The OpenBLAS core type to ask for, or null to let OpenBLAS choose. */
    private final String coreType;
    private final int rank;
    /**
     * Epoch time of the reference VAE with these kernels relative to the AVX-512 ones, measured on
     * an Intel Xeon (family 6 model 207) with one thread: {@code bench} medians, decision note 0013.
     */
    private final double relativeEpochTime;
    private final String displayName;
    private final String[] flags;

    SimdLevel(String coreType, int rank, double relativeEpochTime, String displayName, String... flags) {
        this.coreType = coreType;
        this.rank = rank;
        this.relativeEpochTime = relativeEpochTime;
        this.displayName = displayName;
        this.flags = flags;
    }

    /** The widest level whose instructions this processor offers. */
    static SimdLevel of(CpuFeatures cpu) {
        SimdLevel best = SSE;
        for (SimdLevel level : values()) {
            if (level.flags.length > 0 && cpu.has(level.flags)) {
                best = level;
            }
        }
        return best;
    }

    /**
     * The level of an OpenBLAS core by the name it reports ({@code openblas_get_corename}), or
     * empty for a name this table does not know (another architecture, a newer library).
     */
    static Optional<SimdLevel> ofCoreName(String coreName) {
        return Optional.ofNullable(switch (coreName.toLowerCase(Locale.ROOT)) {
            case "skylakex", "cooperlake", "sapphirerapids" -> AVX512;
            case "haswell", "zen" -> AVX2;
            case "sandybridge", "bulldozer", "piledriver", "steamroller", "excavator" -> AVX;
            case "prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "opteron", "opteron_sse3",
                    "barcelona", "bobcat", "nano", "katmai", "coppermine", "northwood", "banias", "athlon" -> SSE;
            default -> null;
        });
    }

    /** The OpenBLAS core type to ask for on a processor of this level, if any. */
    Optional<String> coreType() {
        return Optional.ofNullable(coreType);
    }

    boolean isWiderThan(SimdLevel other) {
        return rank > other.rank;
    }

    /** How many times longer an epoch takes with these kernels than with {@code faster}'s, as measured. */
    double slowdownAgainst(SimdLevel faster) {
        return relativeEpochTime / faster.relativeEpochTime;
    }

    String displayName() {
        return displayName;
    }
}
