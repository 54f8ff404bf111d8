package dev.migrations.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Path;

/**
 * One measurement in a fresh JVM, as an application boot would pay it: {@code tool op url dir}. Prints
 * one line, {@code RESULT engineMs=... retainedKb=... peakKb=...}: the operation's time in this JVM
 * (the tool's class loading included), the heap still held with the engine object alive after the
 * operation, and the heap's peak during it.
 */
public final class ToolProcess {

    private ToolProcess() {}

    public static void main(String[] args) throws Exception {
        Tool tool = Tool.valueOf(args[0]);
        Tool.Operation op = Tool.Operation.valueOf(args[1]);
        String url = args[2];
        Path dir = Path.of(args[3]);
        long before = settledHeap();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Object engine = tool.run(op, url, dir);
        long elapsed = System.nanoTime() - start;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        long retained = settledHeap() - before;
        Reference.reachabilityFence(engine); // what the engine keeps counts as retained
        System.out.println("RESULT engineMs=" + elapsed / 1_000_000.0 + " retainedKb=" + retained / 1024 + " peakKb="
                + peak / 1024);
        System.exit(0);
    }

    private static long settledHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
