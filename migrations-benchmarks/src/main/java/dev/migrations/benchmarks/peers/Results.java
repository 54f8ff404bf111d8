package dev.migrations.benchmarks.peers;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Medians by workload, database, N and tool, the ratios the targets are stated in, and the table
 * the README carries. Keys read {@code P1.engine.postgresql.1000}; ratio keys add
 * {@code .migrations/flyway}, {@code .migrations/liquibase} or {@code .migrations/jdbc}.
 */
final class Results {

    /** One table row: a workload on one database at one size, with each tool's samples. */
    record Row(String key, String title, String unit, Map<Tool, List<Double>> samples) {

        double median(Tool tool) {
            List<Double> values = new ArrayList<>(samples.getOrDefault(tool, List.of()));
            if (values.isEmpty()) {
                return Double.NaN;
            }
            values.sort(Double::compare);
            int mid = values.size() / 2;
            return values.size() % 2 == 1 ? values.get(mid) : (values.get(mid - 1) + values.get(mid)) / 2;
        }

        double ratio(Tool peer) {
            return ratio(Tool.MIGRATIONS, peer);
        }

        double ratio(Tool ours, Tool peer) {
            return median(ours) / median(peer);
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    void add(String key, String title, String unit, Tool tool, double value) {
        rows.computeIfAbsent(key, k -> new Row(k, title, unit, new LinkedHashMap<>()))
                .samples()
                .computeIfAbsent(tool, t -> new ArrayList<>())
                .add(value);
    }

    Map<String, Row> rows() {
        return rows;
    }

    /**
     * A row of each tool's time above the floor's median in row {@code floorKey}: what the engine
     * itself costs once the JVM, the driver and a first query are paid for, which every tool pays.
     */
    void overhead(String fromKey, String floorKey, String key, String title) {
        Row from = rows.get(fromKey);
        Row floor = rows.get(floorKey);
        if (from == null || floor == null || !floor.samples().containsKey(Tool.JDBC)) {
            return;
        }
        double base = floor.median(Tool.JDBC);
        from.samples().forEach((tool, values) -> {
            if (tool != Tool.JDBC) {
                values.forEach(v -> add(key, title, "ms", tool, Math.max(0, v - base)));
            }
        });
    }

    /** Medians and ratios, for the regression check and the record. */
    Properties figures() {
        Map<String, String> sorted = new TreeMap<>();
        for (Row row : rows.values()) {
            for (Tool tool : row.samples().keySet()) {
                sorted.put(row.key() + "." + tool.name().toLowerCase(Locale.ROOT), format(row.median(tool)));
                if (tool != Tool.MIGRATIONS && row.samples().containsKey(Tool.MIGRATIONS)) {
                    sorted.put(
                            row.key() + ".migrations/" + tool.name().toLowerCase(Locale.ROOT), format(row.ratio(tool)));
                }
                if (tool != Tool.MIGRATIONS_INDEXED && row.samples().containsKey(Tool.MIGRATIONS_INDEXED)) {
                    sorted.put(
                            row.key() + ".migrations_indexed/" + tool.name().toLowerCase(Locale.ROOT),
                            format(row.ratio(Tool.MIGRATIONS_INDEXED, tool)));
                }
            }
        }
        Properties properties = new Properties();
        properties.putAll(sorted);
        return properties;
    }

    /** Something the table cannot show, such as a peer whose processes failed; printed under it. */
    void note(String text) {
        notes.add(text);
    }

    /** The Markdown table: each tool's median and our ratio to each other tool, then the notes. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(
                "| Workload | migrations | migrations, index | Flyway | Liquibase | raw JDBC | vs Flyway | vs Liquibase"
                        + " | vs raw JDBC | index vs Flyway | index vs raw JDBC |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows.values()) {
            out.append("| ").append(row.title());
            for (Tool tool : Tool.values()) {
                double median = row.median(tool);
                out.append(" | ").append(Double.isNaN(median) ? "—" : value(median, row.unit()));
            }
            for (Tool peer : List.of(Tool.FLYWAY, Tool.LIQUIBASE, Tool.JDBC)) {
                out.append(" | ").append(ratioText(row.ratio(peer)));
            }
            for (Tool peer : List.of(Tool.FLYWAY, Tool.JDBC)) {
                out.append(" | ").append(ratioText(row.ratio(Tool.MIGRATIONS_INDEXED, peer)));
            }
            out.append(" |\n");
        }
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        return out.toString();
    }

    void write(Path dir, String mode, String header) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve(mode + "-results.properties"))) {
            figures().store(w, header.replace('\n', ' '));
        }
        Files.writeString(dir.resolve(mode + "-table.md"), header + "\n\n" + table());
    }

    private static String ratioText(double ratio) {
        return Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String value(double v, String unit) {
        if (unit.equals("ms")) {
            return v >= 1000
                    ? String.format(Locale.ROOT, "%.2f s", v / 1000)
                    : String.format(Locale.ROOT, "%.0f ms", v);
        }
        return String.format(Locale.ROOT, "%.1f %s", v, unit);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
