package org.latentlab.model;

import org.bytedeco.javacpp.Pointer;

/**
 * The process's resident memory, for benchmarks and leak checks. ND4J allocates its arrays with
 * the C allocator, which neither the JVM nor JavaCPP counts, so the resident set (heap, native
 * arrays and code together) is the figure that shows whether native memory grows. Safe on any thread.
 */
public final class NativeMemory {

    private NativeMemory() {
    }

    /** The process's resident set size in bytes: heap, native memory and code together. */
    public static long residentBytes() {
        return Pointer.physicalBytes();
    }
}
