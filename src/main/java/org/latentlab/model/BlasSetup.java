package org.latentlab.model;

import java.util.Optional;

/**
 * What was chosen for OpenBLAS before it loaded, and by whom: the processor, its widest vector
 * instructions, the core type asked for and the thread count. Immutable.
 *
 * @param cpu          the processor
 * @param level        its widest vector instructions
 * @param coreType     {@code OPENBLAS_CORETYPE} as the library will read it, or empty (it chooses)
 * @param coreTypeFrom who set it
 * @param threads      {@code OMP_NUM_THREADS} as the libraries will read it, or empty (their default)
 * @param threadsFrom  who set it
 */
record BlasSetup(CpuFeatures cpu, SimdLevel level, Optional<String> coreType, Source coreTypeFrom,
        Optional<String> threads, Source threadsFrom) {

    /** Who set a variable. */
    enum Source {
        /** The user's environment had it already; Latent Lab leaves it alone. */
        ENVIRONMENT,
        /** Latent Lab set it. */
        LATENT_LAB,
        /** Nobody: the library decides. */
        LIBRARY,
        /** Latent Lab wanted to set it but could not reach the C library's environment. */
        UNREACHABLE
    }

    /** The thread count as a number; empty when unset or not a plain number (OpenMP also accepts lists). */
    Optional<Integer> threadCount() {
        return threads.filter(t -> t.matches("\\s*[1-9][0-9]{0,3}\\s*")).map(t -> Integer.parseInt(t.trim()));
    }

    /** Reads the environment and sets what the user has not; call before the libraries load. */
    static BlasSetup apply(CpuFeatures cpu) {
        SimdLevel level = SimdLevel.of(cpu);
        boolean reachable = ProcessEnvironment.available();
        Optional<String> userCore = reachable ? ProcessEnvironment.get(NativeBackend.CORE_TYPE) : Optional.empty();
        Optional<String> userThreads = reachable ? ProcessEnvironment.get(NativeBackend.THREADS) : Optional.empty();

        Optional<String> core = userCore;
        Source coreFrom = Source.ENVIRONMENT;
        if (userCore.isEmpty()) {
            core = level.coreType();
            coreFrom = core.isEmpty() ? Source.LIBRARY
                    : ProcessEnvironment.set(NativeBackend.CORE_TYPE, core.get()) ? Source.LATENT_LAB : Source.UNREACHABLE;
            if (coreFrom == Source.UNREACHABLE) {
                core = Optional.empty();
            }
        }
        Optional<String> threads = userThreads;
        Source threadsFrom = Source.ENVIRONMENT;
        if (userThreads.isEmpty()) {
            boolean set = ProcessEnvironment.set(NativeBackend.THREADS, NativeBackend.DEFAULT_THREADS);
            threads = set ? Optional.of(NativeBackend.DEFAULT_THREADS) : Optional.empty();
            threadsFrom = set ? Source.LATENT_LAB : Source.UNREACHABLE;
        }
        return new BlasSetup(cpu, level, core, coreFrom, threads, threadsFrom);
    }
}
