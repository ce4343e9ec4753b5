package org.latentlab.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import org.latentlab.model.NativeMemory;

/**
 * What the JVM says about this process at one moment: CPU time (all threads, and the calling
 * thread alone), garbage collections so far, heap and resident memory. For benchmarks.
 *
 * @param processCpuNanos CPU time of every thread of the process, or −1 if the JVM cannot tell
 * @param threadCpuNanos  CPU time of the thread that took the reading
 */
record ProcessMeters(long wallNanos, long processCpuNanos, long threadCpuNanos, long collections, long heapUsed,
        long heapCommitted, long residentBytes) {

    static ProcessMeters now() {
        long collections = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, bean.getCollectionCount());
        }
        long processCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ProcessMeters(System.nanoTime(), processCpu, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(),
                collections, heap.getUsed(), heap.getCommitted(), NativeMemory.residentBytes());
    }

    /** Seconds of wall time from {@code earlier} to this reading. */
    double secondsSince(ProcessMeters earlier) {
        return (wallNanos - earlier.wallNanos) / 1e9;
    }

    double processCpuSecondsSince(ProcessMeters earlier) {
        return (processCpuNanos - earlier.processCpuNanos) / 1e9;
    }

    double threadCpuSecondsSince(ProcessMeters earlier) {
        return (threadCpuNanos - earlier.threadCpuNanos) / 1e9;
    }
}
