package org.latentlab.model;

/**
 * The element-wise kernels this JVM trains with, chosen once: the Java Vector API versions when
 * the {@code jdk.incubator.vector} module is loaded ({@code --add-modules jdk.incubator.vector}),
 * otherwise the scalar reference versions, which compute the same formulas more slowly. The
 * system property {@code latentlab.kernels=scalar} forces the scalar ones (for comparisons).
 * Immutable; safe on any thread.
 */
public final class TrainingKernels {

    static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static final boolean VECTOR = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
            && !"scalar".equals(System.getProperty("latentlab.kernels"));

    static final ActivationKernels ACTIVATION = VECTOR ? new VectorActivationKernels() : new ActivationKernels();
    static final LikelihoodKernels LIKELIHOOD = VECTOR ? new VectorLikelihoodKernels() : new LikelihoodKernels();
    static final AdamKernel ADAM = VECTOR ? new VectorAdamKernel() : new AdamKernel();

    private TrainingKernels() {
    }

    /** Whether the Vector API kernels are in use. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /** One line saying which kernels run, and how to get the fast ones if they do not. */
    public static String description() {
        return VECTOR
                ? "kernels: Vector API (" + VectorActivationKernels.lanes() + " float lanes)"
                : "kernels: scalar (start Java with --add-modules " + VECTOR_MODULE + " for the vector ones)";
    }
}
