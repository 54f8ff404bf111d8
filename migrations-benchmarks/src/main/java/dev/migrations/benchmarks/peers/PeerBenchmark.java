package dev.migrations.benchmarks.peers;

import dev.migrations.Migrations;
import dev.migrations.benchmarks.peers.Databases.Kind;
import dev.migrations.benchmarks.peers.Tool.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * migrations against Flyway, Liquibase and a raw-JDBC floor on the same generated migrations, each
 * measurement in a fresh JVM on a fresh database: P1 no-op boot, P2 apply from empty, P5 validate,
 * P6 eight processes at once, and the heap the engine keeps, on PostgreSQL, SQLite and MariaDB.
 * {@code --quick} runs small sizes (what the build checks on every change); without it, the sizes
 * the README reports. Each apply is checked to have created its N tables, so every tool did the work.
 */
public final class PeerBenchmark {

    private final Plan plan;
    private final Path work;
    private final Results results = new Results();

    PeerBenchmark(Plan plan, Path work) {
        this.plan = plan;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Plan plan = options.contains("--quick") ? Plan.QUICK : options.contains("--boot") ? Plan.BOOT : Plan.FULL;
        List<Kind> kinds = new ArrayList<>();
        for (String option : options) {
            if (option.startsWith("--sizes=")) {
                plan = plan.withSizes(Arrays.stream(option.substring(8).split(","))
                        .map(Integer::valueOf)
                        .toList());
            }
            if (option.startsWith("--tools=")) {
                plan = plan.withTools(Arrays.stream(option.substring(8).split(","))
                        .map(t -> Tool.valueOf(t.toUpperCase(Locale.ROOT)))
                        .toList());
            }
            if (option.startsWith("--validate-size=")) {
                plan = plan.withValidateSize(Integer.parseInt(option.substring(16)));
            }
            if (option.startsWith("--databases=")) {
                Arrays.stream(option.substring(12).split(","))
                        .map(k -> Kind.valueOf(k.toUpperCase(Locale.ROOT)))
                        .forEach(kinds::add);
            }
        }
        if (kinds.isEmpty()) {
            kinds.addAll(List.of(Kind.POSTGRESQL, Kind.SQLITE, Kind.MARIADB));
        }
        Results results = measure(plan, kinds);
        System.out.println();
        System.out.println(results.table());
    }

    /** Runs {@code plan} on each database; the table and figures also go to target/benchmarks. */
    static Results measure(Plan plan, List<Kind> kinds) throws Exception {
        Path work = Files.createTempDirectory("migrations-bench");
        PeerBenchmark benchmark = new PeerBenchmark(plan, work);
        String header = benchmark.machine(kinds);
        System.out.println(header);
        for (Kind kind : kinds) {
            benchmark.run(kind);
        }
        Path out = Files.isDirectory(Path.of("migrations-benchmarks"))
                ? Path.of("migrations-benchmarks", "target")
                : Path.of("target");
        benchmark.results.write(out.resolve("benchmarks"), plan.mode(), header);
        return benchmark.results;
    }

    void run(Kind kind) throws Exception {
        String db = kind.name().toLowerCase(Locale.ROOT);
        for (int n : plan.sizes()) {
            Path dir = workload(n);
            for (Tool tool : plan.tools()) {
                String last = null;
                for (int r = 0; r < plan.repetitionsAt(n); r++) {
                    if (last != null) {
                        Databases.drop(last);
                    }
                    last = Databases.create(kind, work.resolve("db"));
                    Measurement apply = Measurement.run(tool, Operation.MIGRATE, last, dir, n);
                    Databases.requireTables(last, n, tool);
                    results.add(
                            "P2.engine." + db + "." + n,
                            "P2 apply " + n + " from empty, " + db,
                            "ms",
                            tool,
                            apply.engineMs());
                    progress(tool, "apply", db, n, apply);
                }
                for (int r = 0; r < plan.repetitions() + plan.warmups(); r++) {
                    Measurement noop = Measurement.run(tool, Operation.MIGRATE, last, dir, n);
                    if (r < plan.warmups()) {
                        continue; // the first boots warm the database's caches, as a running server has them
                    }
                    results.add(
                            "P1.engine." + db + "." + n,
                            "P1 no-op boot at " + n + ", engine, " + db,
                            "ms",
                            tool,
                            noop.engineMs());
                    results.add(
                            "P1.process." + db + "." + n,
                            "P1 no-op boot at " + n + ", whole process, " + db,
                            "ms",
                            tool,
                            noop.wallMs());
                    results.add(
                            "memory.retained." + db + "." + n,
                            "heap kept after a no-op boot at " + n + ", " + db,
                            "MB",
                            tool,
                            noop.retainedKb() / 1024.0);
                    progress(tool, "no-op", db, n, noop);
                }
                Databases.drop(last);
            }
        }
        if (!plan.bootOnly()) {
            validate(kind, db);
            concurrent(kind, db);
        }
        for (int n : plan.sizes()) {
            results.overhead(
                    "P1.engine." + db + "." + n,
                    "P1.engine." + db + "." + n,
                    "P1.overhead." + db + "." + n,
                    "P1 no-op boot at " + n + ", engine time above the floor, " + db);
        }
        int smallest = plan.sizes().get(0);
        results.overhead(
                "P5.engine." + db + "." + plan.validateSize(),
                "P1.engine." + db + "." + smallest,
                "P5.overhead." + db + "." + plan.validateSize(),
                "P5 validate at " + plan.validateSize() + ", engine time above the floor, " + db);
    }

    /** P5: validate only, with everything applied; a plan with no validate size skips it. */
    private void validate(Kind kind, String db) throws Exception {
        int n = plan.validateSize();
        if (n == 0) {
            return;
        }
        Path dir = workload(n);
        for (Tool tool : plan.tools()) {
            if (tool == Tool.JDBC) {
                continue; // the floor has nothing to validate
            }
            String url = Databases.create(kind, work.resolve("db"));
            Measurement.run(tool, Operation.MIGRATE, url, dir, n);
            for (int r = 0; r < plan.repetitions(); r++) {
                Measurement m = Measurement.run(tool, Operation.VALIDATE, url, dir, n);
                results.add(
                        "P5.engine." + db + "." + n,
                        "P5 validate at " + n + ", engine, " + db,
                        "ms",
                        tool,
                        m.engineMs());
                progress(tool, "validate", db, n, m);
            }
            Databases.drop(url);
        }
    }

    /** P6: several processes boot at once on an empty database (the smallest size pending), then again (0 pending). */
    private void concurrent(Kind kind, String db) throws Exception {
        int n = plan.sizes().get(0);
        Path dir = workload(n);
        for (Tool tool : plan.concurrentTools()) {
            String url = Databases.create(kind, work.resolve("db"));
            if (tool == Tool.JDBC) {
                Measurement.run(tool, Operation.MIGRATE, url, dir, n); // the floor has no lock: one applies
            }
            for (String phase : tool == Tool.JDBC ? List.of("0 pending") : List.of(n + " pending", "0 pending")) {
                long start = System.nanoTime();
                List<Measurement.Running> running = new ArrayList<>();
                for (int p = 0; p < plan.processes(); p++) {
                    running.add(Measurement.start(tool, Operation.MIGRATE, url, dir, n));
                }
                List<String> failures = new ArrayList<>();
                for (Measurement.Running r : running) {
                    try {
                        r.await();
                    } catch (IllegalStateException e) {
                        if (tool == Tool.MIGRATIONS) {
                            throw e; // our own processes failing together is a bug, not a figure
                        }
                        failures.add(reason(e.getMessage()));
                    }
                }
                double wall = (System.nanoTime() - start) / 1_000_000.0;
                if (!failures.isEmpty()) {
                    String note = String.format(
                            Locale.ROOT,
                            "P6 %s, %s, %s: %d of %d processes failed (%s), so no" + " time is given.",
                            tool.label(),
                            phase,
                            db,
                            failures.size(),
                            plan.processes(),
                            failures.get(0));
                    results.note(note);
                    System.out.println("  " + note);
                    continue;
                }
                String key = !phase.startsWith("0 ") ? "P6.pending." : "P6.uptodate.";
                results.add(
                        key + db + "." + n,
                        "P6 " + plan.processes() + " processes at once, " + phase + ", " + db,
                        "ms",
                        tool,
                        wall);
                System.out.printf(
                        Locale.ROOT,
                        "  %-10s %d processes, %s, %s: %.0f ms%n",
                        tool.label(),
                        plan.processes(),
                        phase,
                        db,
                        wall);
            }
            if (tool == Tool.MIGRATIONS) {
                List<String> current = Migrations.configure()
                        .dataSource(Databases.dataSource(url))
                        .locations("filesystem:" + dir.resolve("ours"))
                        .load()
                        .current();
                if (!current.equals(List.of(Workload.revision(n)))) {
                    throw new IllegalStateException("After the concurrent boots the database is at " + current);
                }
            }
            Databases.drop(url);
        }
    }

    /** The first database error (PostgreSQL's, SQLite's or MariaDB's) in a failed process's output, or its first line. */
    private static String reason(String failure) {
        for (String marker : List.of("ERROR: ", "[SQLITE_", "(conn=")) {
            for (String line : failure.split("\n")) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    String error = line.substring(at);
                    int sql = error.indexOf(" [Failed SQL");
                    return sql > 0 ? error.substring(0, sql) : error;
                }
            }
        }
        return failure.lines().findFirst().orElse("no output");
    }

    private Path workload(int n) throws Exception {
        Path dir = work.resolve("n" + n);
        if (!Files.exists(dir)) {
            Workload.write(dir, n);
        }
        return dir;
    }

    /** A library's version from its jar's file name (Flyway's manifest does not carry one). */
    private static String jarVersion(Class<?> type, String prefix) {
        String jar = Path.of(
                        type.getProtectionDomain().getCodeSource().getLocation().getPath())
                .getFileName()
                .toString();
        return jar.startsWith(prefix) && jar.endsWith(".jar") ? jar.substring(prefix.length(), jar.length() - 4) : "?";
    }

    private static void progress(Tool tool, String what, String db, int n, Measurement m) {
        System.out.printf(
                Locale.ROOT,
                "  %-10s %-8s %-10s N=%-6d engine %8.1f ms  process %8.1f ms  heap kept %6.1f MB%n",
                tool.label(),
                what,
                db,
                n,
                m.engineMs(),
                m.wallMs(),
                m.retainedKb() / 1024.0);
    }

    private String machine(List<Kind> kinds) throws Exception {
        TreeSet<String> databases = new TreeSet<>();
        for (Kind kind : kinds) {
            String url = Databases.create(kind, work.resolve("db"));
            databases.add(Databases.version(url));
            Databases.drop(url);
        }
        return String.format(
                Locale.ROOT,
                "%s mode, %s: %d cores, %s, Java %s (%s), %s; Flyway %s, Liquibase %s",
                plan.mode(),
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                String.join(", ", databases),
                jarVersion(org.flywaydb.core.Flyway.class, "flyway-core-"),
                liquibase.util.LiquibaseUtil.getBuildVersion());
    }
}
