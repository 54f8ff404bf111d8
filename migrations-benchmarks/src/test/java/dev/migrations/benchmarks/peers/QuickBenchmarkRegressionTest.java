package dev.migrations.benchmarks.peers;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' quick mode on every build: our times as ratios to Flyway's, Liquibase's and the
 * raw-JDBC floor's, measured in the same run on the same machine, must not grow more than 25% past
 * the checked-in baseline ratios. Ratios, not times, so a slower machine does not fail it and a
 * slower engine does. A ratio past the line is measured once more and fails only if it is past it
 * again, since one noisy boot on 2 cores can move a ratio by a quarter. The run itself also checks
 * that eight processes at once leave the database at the head, and that each tool's apply created
 * the workload's tables. MariaDB runs a smaller plan whose figures are not guarded, so that its
 * comparison keeps working without doubling the build's time.
 */
class QuickBenchmarkRegressionTest {

    static final double TOLERANCE = 1.25;

    @Test
    void ratiosToThePeersStayWithinAQuarterOfTheBaseline() throws Exception {
        Properties baseline = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/quick-baseline.properties")) {
            baseline.load(in);
        }
        assertTrue(baseline.size() >= 10, "the baseline holds the ratios the build guards");
        Map<String, String> regressions = regressions(baseline, measure());
        if (!regressions.isEmpty()) {
            // On 2 cores one noisy boot can push a ratio past the line; a real regression shows again.
            Map<String, String> again = regressions(baseline, measure());
            regressions.keySet().retainAll(again.keySet());
            regressions.replaceAll((key, first) -> first + "; second run " + again.get(key));
        }
        if (!regressions.isEmpty()) {
            fail("Slower than the baseline by more than 25% relative to the peers measured in the same run, in two"
                    + " runs:\n  " + String.join("\n  ", regressions.values()) + "\nFind the change that did it, or,"
                    + " if the cost is wanted, record new ratios in src/test/resources/quick-baseline.properties with"
                    + " the reason.");
        }
    }

    @Test
    void theMariadbComparisonMeasuresEveryToolOnTheSameWork() throws Exception {
        Properties figures = PeerBenchmark.measure(Plan.QUICK_MARIADB, List.of(Databases.Kind.MARIADB))
                .figures();
        for (String tool : List.of("migrations", "flyway", "liquibase", "jdbc")) {
            for (String row :
                    List.of("P2.engine.mariadb.20.", "P1.engine.mariadb.20.", "memory.retained.mariadb.20.")) {
                assertTrue(figures.containsKey(row + tool), row + tool + " measured, in " + figures.keySet());
            }
        }
        assertTrue(figures.containsKey("P6.pending.mariadb.20.migrations"), "two of our processes at once measured");
    }

    private static Properties measure() throws Exception {
        return PeerBenchmark.measure(Plan.QUICK, List.of(Databases.Kind.POSTGRESQL, Databases.Kind.SQLITE))
                .figures();
    }

    /** Each guarded ratio that grew more than 25% past its baseline, with the figures. */
    private static Map<String, String> regressions(Properties baseline, Properties measured) {
        Map<String, String> regressions = new TreeMap<>();
        for (String key : baseline.stringPropertyNames()) {
            String value = measured.getProperty(key);
            if (value == null) {
                regressions.put(key, key + ": not measured any more");
                continue;
            }
            double now = Double.parseDouble(value);
            double then = Double.parseDouble(baseline.getProperty(key));
            if (now > then * TOLERANCE) {
                regressions.put(
                        key,
                        String.format(
                                Locale.ROOT,
                                "%s: %.3f, baseline %.3f (+%.0f%%)",
                                key,
                                now,
                                then,
                                (now / then - 1) * 100));
            }
        }
        return regressions;
    }
}
