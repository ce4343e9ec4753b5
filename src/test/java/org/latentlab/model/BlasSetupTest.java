package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which OpenBLAS kernels a processor gets, and what the program says when it cannot have them. */
class BlasSetupTest {

    private static CpuFeatures cpuinfo(String name) throws IOException {
        try (InputStream in = BlasSetupTest.class.getResourceAsStream("/cpuinfo/" + name + ".txt")) {
            return CpuFeatures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsTheFirstProcessorOfCpuinfo() throws IOException {
        CpuFeatures xeon = cpuinfo("xeon-emerald-rapids");
        assertEquals("Intel(R) Xeon(R) Processor, family 6 model 207", xeon.describe());
        assertTrue(xeon.has("avx512f", "avx512bw", "avx2", "fma"));

        CpuFeatures haswell = cpuinfo("core-i7-haswell");
        assertEquals(60, haswell.model());
        assertTrue(haswell.has("avx2"), "the first processor's flags, not the second's");
    }

    @Test
    void eachProcessorGetsTheKernelsOfItsWidestVectors() throws IOException {
        assertEquals(Optional.of("SkylakeX"), SimdLevel.of(cpuinfo("xeon-emerald-rapids")).coreType());
        assertEquals(Optional.of("Haswell"), SimdLevel.of(cpuinfo("core-i7-haswell")).coreType());
        assertEquals(Optional.of("Haswell"), SimdLevel.of(cpuinfo("ryzen-zen2")).coreType());
        // No AVX: OpenBLAS's own choice among its SSE kernels stands.
        assertEquals(Optional.empty(), SimdLevel.of(cpuinfo("core2-duo")).coreType());
        assertEquals(Optional.empty(), SimdLevel.of(cpuinfo("celeron-n4020")).coreType());
        assertEquals(Optional.empty(), SimdLevel.of(CpuFeatures.UNKNOWN).coreType());
    }

    @Test
    void avx512WithoutTheSubsetsTheKernelsUseGetsTheAvx2Kernels() {
        // Knights Landing: AVX-512 F and CD but not BW, DQ or VL, which the SkylakeX kernels need.
        CpuFeatures knightsLanding = new CpuFeatures("Xeon Phi", 6, 87,
                Set.of("avx", "avx2", "fma", "avx512f", "avx512cd", "avx512er", "avx512pf"));
        assertEquals(SimdLevel.AVX2, SimdLevel.of(knightsLanding));
    }

    @Test
    void narrowerKernelsThanTheProcessorOffersAreReportedWithTheirCost() throws IOException {
        CpuFeatures xeon = cpuinfo("xeon-emerald-rapids");
        BlasSetup forcedByUser = new BlasSetup(xeon, SimdLevel.AVX512, Optional.of("Prescott"),
                BlasSetup.Source.ENVIRONMENT, Optional.of("1"), BlasSetup.Source.LATENT_LAB);
        String warning = new BlasReport(forcedByUser, "Prescott", "OpenBLAS 0.3.19", 1).warning().orElseThrow();
        assertTrue(warning.contains("Prescott") && warning.contains("AVX-512") && warning.contains("OPENBLAS_CORETYPE=Prescott"),
                warning);
        String factor = String.format(Locale.ROOT, "%.1f times", SimdLevel.SSE.slowdownAgainst(SimdLevel.AVX512));
        assertTrue(warning.contains(factor), warning);

        BlasSetup chosen = new BlasSetup(xeon, SimdLevel.AVX512, Optional.of("SkylakeX"),
                BlasSetup.Source.LATENT_LAB, Optional.of("1"), BlasSetup.Source.LATENT_LAB);
        assertEquals(Optional.empty(), new BlasReport(chosen, "SkylakeX", "OpenBLAS 0.3.19", 1).warning());
        assertEquals(Optional.empty(), new BlasReport(chosen, "SomeFutureCore", "OpenBLAS 0.3.19", 1).warning(),
                "a core this table does not know is not guessed at");
    }

    @Test
    void aThreadCountOpenMpWouldReadAsAListIsLeftToIt() {
        BlasSetup list = new BlasSetup(CpuFeatures.UNKNOWN, SimdLevel.SSE, Optional.empty(), BlasSetup.Source.LIBRARY,
                Optional.of("4,2"), BlasSetup.Source.ENVIRONMENT);
        assertEquals(Optional.empty(), list.threadCount());
        BlasSetup one = new BlasSetup(CpuFeatures.UNKNOWN, SimdLevel.SSE, Optional.empty(), BlasSetup.Source.LIBRARY,
                Optional.of("1"), BlasSetup.Source.LATENT_LAB);
        assertEquals(Optional.of(1), one.threadCount());
    }

    @Test
    void theLoadedLibraryRunsTheKernelsChosenForThisMachineWithOneThread() {
        BlasReport report = NativeBackend.report();
        String userCore = System.getenv(NativeBackend.CORE_TYPE);
        String expected = userCore != null && !userCore.isBlank() ? userCore
                : SimdLevel.of(CpuFeatures.ofThisMachine()).coreType().orElse(report.coreName());
        assertEquals(expected.toLowerCase(Locale.ROOT), report.coreName().toLowerCase(Locale.ROOT), report.description());
        String userThreads = System.getenv(NativeBackend.THREADS);
        assertEquals(userThreads == null ? 1 : Integer.parseInt(userThreads.trim()), report.threads(), report.description());
    }
}
