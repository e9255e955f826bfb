package org.recausal.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;

import tools.jackson.databind.node.ObjectNode;

/**
 * Loads one file with {@link TableReader} in a JVM of its own, so {@code recausal bench data} can read the load's
 * peak resident memory (VmHWM) without the benchmark's own memory in it. Prints one JSON line.
 */
final class DataLoadProbe {
    private DataLoadProbe() {
    }

    public static void main(String[] args) throws IOException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        ImportResult result = TableReader.read(Path.of(args[0]));
        wall = System.nanoTime() - wall;
        cpu = os.getProcessCpuTime() - cpu;
        ObjectNode json = Json.object();
        json.put("rows", result.table().rowCount());
        json.put("seconds", wall / 1e9);
        json.put("cpuSeconds", cpu / 1e9);
        json.put("peakRssBytes", peakRss());
        json.put("columnBytes", result.table().estimatedBytes());
        json.put("types", result.report().columnTypes().toString());
        System.out.println(json);
    }

    /** The process's peak resident set (Linux VmHWM), or -1 where /proc does not say. */
    private static long peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(-1L);
    }
}
