package org.latentlab.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the processor says about itself: its name, x86 family and model, and the instruction-set
 * flags that the operating system lets programs use. Read from {@code /proc/cpuinfo} on Linux,
 * where the kernel lists a flag such as {@code avx512f} only when it also saves that state on
 * context switches; elsewhere the features are unknown and nothing is chosen from them.
 * Immutable.
 *
 * @param modelName the processor's own name, e.g. "Intel(R) Xeon(R) Processor"; "unknown" if not read
 * @param family    the x86 family, or -1 if unknown
 * @param model     the x86 model within the family, or -1 if unknown
 * @param flags     the instruction-set flags, lower case (e.g. "avx2", "fma", "avx512f")
 */
public record CpuFeatures(String modelName, int family, int model, Set<String> flags) {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    /** Nothing known: not Linux, or {@code /proc/cpuinfo} could not be read. */
    public static final CpuFeatures UNKNOWN = new CpuFeatures("unknown", -1, -1, Set.of());

    public CpuFeatures {
        flags = Set.copyOf(flags);
    }

    /** This machine's processor, or {@link #UNKNOWN}. */
    public static CpuFeatures ofThisMachine() {
        try {
            return Files.isReadable(CPUINFO) ? parse(Files.readString(CPUINFO, StandardCharsets.UTF_8)) : UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** The first processor described in the text of a {@code /proc/cpuinfo} file. */
    static CpuFeatures parse(String cpuinfo) {
        String name = "unknown";
        int family = -1;
        int model = -1;
        Set<String> flags = Set.of();
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() && !flags.isEmpty()) {
                break; // the end of the first processor's block
            }
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "model name" -> name = value;
                case "cpu family" -> family = parseOrMinusOne(value);
                case "model" -> model = parseOrMinusOne(value);
                case "flags" -> flags = Arrays.stream(value.split("\\s+"))
                        .map(flag -> flag.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
                default -> { }
            }
        }
        return new CpuFeatures(name, family, model, flags);
    }

    private static int parseOrMinusOne(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether every one of these flags is present. */
    public boolean has(String... required) {
        return flags.containsAll(Arrays.asList(required));
    }

    /** "Intel(R) Xeon(R) Processor, family 6 model 207", or as much of it as is known. */
    public String describe() {
        return family < 0 ? modelName : modelName + ", family " + family + " model " + model;
    }
}
