package dev.migrations.benchmarks.peers;

import java.util.List;

/**
 * Sizes, repetitions and tools of one run of {@link PeerBenchmark}; a boot-only run applies once and
 * measures no-op boots. {@code warmups} no-op boots precede the measured ones, to warm the database's
 * caches as a running server has them.
 */
record Plan(
        String mode,
        List<Integer> sizes,
        int validateSize,
        int repetitions,
        int largeRepetitions,
        int warmups,
        int processes,
        List<Tool> concurrentTools,
        List<Tool> tools,
        boolean bootOnly) {

    private static final List<Tool> PEERS = List.of(Tool.MIGRATIONS, Tool.FLYWAY, Tool.LIQUIBASE, Tool.JDBC);

    /** The small run the build checks on every change (PostgreSQL and SQLite). */
    static final Plan QUICK =
            new Plan("quick", List.of(100), 500, 5, 5, 2, 8, List.of(Tool.MIGRATIONS, Tool.JDBC), PEERS, false);

    /**
     * MariaDB in the build: every tool applies the same 20 migrations once and boots once more, and
     * two of our processes boot at once; no validate. It checks that the MariaDB comparison still
     * runs (its figures are not guarded: one sample each is too noisy for a ratio) for about 14
     * JVM starts, a fraction of the quick run's.
     */
    static final Plan QUICK_MARIADB =
            new Plan("quick-mariadb", List.of(20), 0, 1, 1, 0, 2, List.of(Tool.MIGRATIONS), PEERS, false);

    static final Plan FULL =
            new Plan("full", List.of(100, 1_000, 10_000), 5_000, 3, 1, 2, 8, PEERS, List.of(Tool.values()), false);

    /** {@code --boot}: the no-op boot with and without the index (issue 21), against Flyway and the floor. */
    static final Plan BOOT = new Plan(
            "boot",
            List.of(1_000, 10_000),
            0,
            3,
            1,
            2,
            0,
            List.of(),
            List.of(Tool.MIGRATIONS, Tool.MIGRATIONS_INDEXED, Tool.FLYWAY, Tool.JDBC),
            true);

    /** Applying 10,000 migrations takes minutes per tool, so large applies run fewer times. */
    int repetitionsAt(int n) {
        return bootOnly ? 1 : n >= 10_000 ? largeRepetitions : repetitions;
    }

    Plan withSizes(List<Integer> newSizes) {
        return new Plan(
                mode,
                newSizes,
                validateSize,
                repetitions,
                largeRepetitions,
                warmups,
                processes,
                concurrentTools,
                tools,
                bootOnly);
    }

    Plan withTools(List<Tool> newTools) {
        return new Plan(
                mode,
                sizes,
                validateSize,
                repetitions,
                largeRepetitions,
                warmups,
                processes,
                concurrentTools,
                newTools,
                bootOnly);
    }

    Plan withValidateSize(int newValidateSize) {
        return new Plan(
                mode,
                sizes,
                newValidateSize,
                repetitions,
                largeRepetitions,
                warmups,
                processes,
                concurrentTools,
                tools,
                bootOnly);
    }
}
