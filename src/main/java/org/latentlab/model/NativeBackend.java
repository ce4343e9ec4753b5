package org.latentlab.model;

import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets up the native libraries ND4J computes with before they load, the same way however the
 * program starts (window, command line, bundle, tests): OpenBLAS's kernels for this processor's
 * widest vector instructions, and one BLAS and OpenMP thread, unless the user's environment already
 * says otherwise. OpenBLAS and OpenMP read both from the process environment once, when they load,
 * so every class of this package that touches ND4J calls {@link #load()} in its static initializer
 * (as JavaCPP's own classes call {@code Loader.load()}); ND4J itself reads the thread count from
 * Java's copy of the environment, which cannot change, so it is told again once loaded.
 * Docs: decisions 0002 and 0013. Thread-safe.
 */
public final class NativeBackend {

    static final String CORE_TYPE = "OPENBLAS_CORETYPE";
    static final String THREADS = "OMP_NUM_THREADS";
    /** One thread: steadier and faster on two cores, and it leaves a core for the window. */
    static final String DEFAULT_THREADS = "1";

    private static BlasSetup setup;
    private static boolean loaded;
    private static BlasReport report;

    private NativeBackend() {
    }

    /**
     * Chooses the kernels and thread count, once, before ND4J loads its native libraries. Setting
     * the C environment races with other threads reading it, so the launcher calls this before it
     * starts any (the window's toolkit reads the environment too).
     */
    public static synchronized void prepare() {
        if (setup == null) {
            setup = BlasSetup.apply(CpuFeatures.ofThisMachine());
        }
    }

    /** Prepares, then loads ND4J with the chosen thread count; does nothing the second time. */
    static synchronized void load() {
        if (!loaded) {
            prepare();
            Nd4j.factory(); // loads libnd4j, OpenMP and OpenBLAS, which read the environment now
            setup.threadCount().ifPresent(threads -> {
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
                Nd4j.factory().blas().setMaxThreads(threads);
            });
            loaded = true;
        }
    }

    /** What OpenBLAS runs with, read from the loaded library; loads ND4J if it has not loaded yet. */
    public static synchronized BlasReport report() {
        if (report == null) {
            load();
            Optional<String> core = symbol("openblas_get_corename").flatMap(ProcessEnvironment::callString);
            Optional<String> config = symbol("openblas_get_config").flatMap(ProcessEnvironment::callString);
            Optional<Integer> threads = symbol("openblas_get_num_threads").flatMap(ProcessEnvironment::callInt);
            report = new BlasReport(setup, core.orElse("unknown"),
                    config.map(NativeBackend::libraryName).orElse("OpenBLAS"), threads.orElse(-1));
        }
        return report;
    }

    /** The address of a function in the loaded native libraries. */
    private static Optional<Long> symbol(String name) {
        try {
            Pointer address = Loader.addressof(name);
            return address == null || address.isNull() ? Optional.empty() : Optional.of(address.address());
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** "OpenBLAS 0.3.19" from a configuration string such as "OpenBLAS 0.3.19 DYNAMIC_ARCH NO_AFFINITY ...". */
    static String libraryName(String config) {
        String[] words = config.trim().split("\\s+");
        return words.length >= 2 && words[0].toLowerCase(Locale.ROOT).startsWith("openblas")
                ? words[0] + " " + words[1] : "OpenBLAS";
    }
}
