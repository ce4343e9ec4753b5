package org.latentlab.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.time.Duration;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * What the JVM did while a window benchmark measured frames, to say where long frames come from:
 * the garbage collector's pauses (from its notifications, to the millisecond), and each thread's
 * CPU time and bytes allocated. Pauses are kept from any thread; the rest is read by the caller's
 * thread at the start and end of a phase.
 */
final class FrameCauses {

    /** A collector's pause, in {@link System#nanoTime()} terms. */
    record Pause(String collector, long startNanos, long endNanos) {
        long nanos() {
            return endNanos - startNanos;
        }
    }

    /** One thread's CPU time and allocated bytes at an instant. */
    private record Use(String name, long cpuNanos, long bytes) {
    }

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** {@code System.nanoTime()} when the JVM started, as the collectors count their times from it. */
    private final long startNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private final ConcurrentLinkedQueue<Pause> pauses = new ConcurrentLinkedQueue<>();
    private final com.sun.management.OperatingSystemMXBean system =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** The X server the window draws to, when it can be found (the Xvfb of this display). */
    private final Optional<ProcessHandle> xServer = ProcessHandle.allProcesses()
            .filter(p -> p.info().command().orElse("").endsWith("Xvfb")
                    && List.of(p.info().arguments().orElse(new String[0])).contains(System.getenv("DISPLAY")))
            .findFirst();
    private Map<Long, Use> atStart = Map.of();
    private long phaseStart;
    private long processCpuAtStart;
    private long xServerCpuAtStart;

    FrameCauses() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    pauses.add(new Pause(info.getGcName(), startNanos + info.getGcInfo().getStartTime() * 1_000_000L,
                            startNanos + info.getGcInfo().getEndTime() * 1_000_000L));
                }
            }, null, null);
        }
    }

    /** Starts a phase now: CPU and allocation are counted from here. */
    void begin() {
        phaseStart = System.nanoTime();
        atStart = uses();
        processCpuAtStart = system.getProcessCpuTime();
        xServerCpuAtStart = xServerCpu();
    }

    private long xServerCpu() {
        return xServer.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
    }

    /**
     * What went on in a phase, per frame.
     *
     * @param pauses        GC pauses in the phase
     * @param pauseMillis   their sum, ms
     * @param longestPause  the longest, ms
     * @param slow          frames longer than the limit asked for
     * @param slowWithPause of those, the ones that held a GC pause
     * @param jvmMillis     CPU time of the whole JVM (GC and JIT threads too) a frame, ms
     * @param xServerMillis CPU time of the X server a frame, ms; NaN when it was not found
     * @param load          the system's load average (one minute) at the end
     * @param megabytes     MB allocated a frame by all threads
     * @param threads       every thread's CPU and allocation, the busiest first
     */
    record Phase(int pauses, double pauseMillis, double longestPause, int slow, int slowWithPause, double jvmMillis,
                 double xServerMillis, double load, double megabytes, List<ThreadUse> threads) {

        /** A thread's CPU time (ms) and allocation (MB) a frame. */
        record ThreadUse(String name, double millis, double megabytes) {
        }

        /** CPU ms a frame of the first thread whose name starts with {@code prefix}, 0 if none was busy. */
        double millisOf(String prefix) {
            return threads.stream().filter(t -> t.name().startsWith(prefix)).mapToDouble(ThreadUse::millis)
                    .findFirst().orElse(0);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "  GC: %d pauses, %.0f ms in all, longest %.0f ms; frames over 33 ms: %d, %d of them holding a"
                            + " GC pause%n  CPU a frame: the whole JVM %.1f ms, the X server %.1f ms; load average"
                            + " %.2f%n  allocated %.2f MB a frame by all threads; the busiest threads, CPU (allocated)"
                            + " a frame:", pauses, pauseMillis, longestPause, slow, slowWithPause, jvmMillis,
                    xServerMillis, load, megabytes));
            for (ThreadUse t : threads.subList(0, Math.min(5, threads.size()))) {
                out.append(String.format(Locale.ROOT, " %s %.1f ms (%.2f MB),", t.name(), t.millis(), t.megabytes()));
            }
            out.setLength(out.length() - 1);
            return out.toString();
        }
    }

    /**
     * The phase that began last, ended now, measured as {@code intervals} between frames, the last
     * ending at {@code lastFrame}; frames over {@code slowNanos} are counted as slow.
     */
    Phase report(List<Long> intervals, long lastFrame, long slowNanos) {
        Map<Long, Use> atEnd = uses();
        long phaseEnd = System.nanoTime();
        List<Pause> inPhase = pauses.stream().filter(p -> p.endNanos() >= phaseStart && p.startNanos() <= phaseEnd)
                .toList();
        int slow = 0;
        int slowWithPause = 0;
        long end = lastFrame;
        for (int i = intervals.size() - 1; i >= 0; i--) {
            long start = end - intervals.get(i);
            if (intervals.get(i) > slowNanos) {
                slow++;
                long from = start;
                long to = end;
                if (inPhase.stream().anyMatch(p -> p.endNanos() >= from && p.startNanos() <= to)) {
                    slowWithPause++;
                }
            }
            end = start;
        }
        double frames = Math.max(1, intervals.size());
        List<Use> spent = new ArrayList<>();
        long allBytes = 0;
        for (var e : atEnd.entrySet()) {
            Use before = atStart.getOrDefault(e.getKey(), new Use(e.getValue().name(), 0, 0));
            Use used = new Use(e.getValue().name(), e.getValue().cpuNanos() - before.cpuNanos(),
                    e.getValue().bytes() - before.bytes());
            spent.add(used);
            allBytes += used.bytes();
        }
        spent.sort(Comparator.comparingLong(Use::cpuNanos).reversed());
        List<Phase.ThreadUse> busiest = spent.stream()
                .map(u -> new Phase.ThreadUse(u.name(), u.cpuNanos() / 1e6 / frames, u.bytes() / 1e6 / frames)).toList();
        long xServerNow = xServerCpu();
        return new Phase(inPhase.size(), inPhase.stream().mapToLong(Pause::nanos).sum() / 1e6,
                inPhase.stream().mapToLong(Pause::nanos).max().orElse(0) / 1e6, slow, slowWithPause,
                (system.getProcessCpuTime() - processCpuAtStart) / 1e6 / frames,
                xServerNow < 0 ? Double.NaN : (xServerNow - xServerCpuAtStart) / 1e6 / frames,
                system.getSystemLoadAverage(), allBytes / 1e6 / frames, busiest);
    }

    private Map<Long, Use> uses() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        var infos = threads.getThreadInfo(ids);
        Map<Long, Use> uses = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && cpu[i] >= 0) {
                uses.put(ids[i], new Use(infos[i].getThreadName(), cpu[i], Math.max(0, bytes[i])));
            }
        }
        return uses;
    }
}
