package dev.migrations.benchmarks.peers;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One run of {@link ToolProcess} in a fresh JVM, timed from outside as well: the engine's own time,
 * the whole process's wall time, and its heap figures.
 */
record Measurement(double engineMs, double wallMs, long retainedKb, long peakKb) {

    private static final Pattern RESULT =
            Pattern.compile("RESULT engineMs=([0-9.]+) retainedKb=(-?[0-9]+) peakKb=([0-9]+)");

    /** Starts the process; {@link Running#await()} collects it, so several can run at once. */
    static Running start(Tool tool, Tool.Operation op, String url, Path dir, int n) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-Dbench.n=" + n,
                // the same quiet logging for every tool: a per-migration INFO line is not what is measured
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dliquibase.analytics.enabled=false",
                "-Dliquibase.showBanner=false",
                "-cp",
                classPath(url)));
        // -Dbench.jvmArgs="-XX:StartFlightRecording=..." profiles the measured processes
        String extra = System.getProperty("bench.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(1, List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(ToolProcess.class.getName(), tool.name(), op.name(), url, dir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDGATE_DISABLE_TELEMETRY", "true"); // Flyway's usage reporting
        long start = System.nanoTime();
        return new Running(tool, op, builder.start(), start);
    }

    /**
     * The harness's class path, without MariaDB's driver and Flyway's MySQL module unless the database
     * is MariaDB: an application on PostgreSQL or SQLite does not carry them, and with them on the
     * class path our no-op boot on PostgreSQL measured about 12% slower (medians of 8, 843 against 753 ms).
     */
    private static String classPath(String url) {
        String classPath = System.getProperty("java.class.path");
        if (url.startsWith("jdbc:mariadb:")) {
            return classPath;
        }
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return !name.startsWith("mariadb-java-client-") && !name.startsWith("flyway-mysql-");
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Measurement run(Tool tool, Tool.Operation op, String url, Path dir, int n) throws Exception {
        return start(tool, op, url, dir, n).await();
    }

    record Running(Tool tool, Tool.Operation op, Process process, long startNanos) {

        Measurement await() throws Exception {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            double wall = (System.nanoTime() - startNanos) / 1_000_000.0;
            Matcher m = RESULT.matcher(output);
            if (status != 0 || !m.find()) {
                String tail = output.length() > 3000 ? output.substring(output.length() - 3000) : output;
                throw new IllegalStateException(tool.label() + " " + op + " failed (exit " + status + "):\n" + tail);
            }
            return new Measurement(
                    Double.parseDouble(m.group(1)), wall, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
        }
    }
}
