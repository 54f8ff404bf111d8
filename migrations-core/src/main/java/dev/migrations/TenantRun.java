package dev.migrations;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One command run over many tenants: a result per tenant, in the order the tenants were listed,
 * and the summary line operators read ({@code migrated 2,000 tenants: 1,998 up to date, 2 failed:
 * t_0193 (revision ..., statement ...), t_1701 (...)}).
 */
public record TenantRun<T>(String verb, List<TenantResult<T>> results, Function<T, String> outcome) {

    public TenantRun {
        results = List.copyOf(results);
    }

    public List<TenantResult<T>> failures() {
        return results.stream().filter(TenantResult::failed).toList();
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(TenantResult::failed);
    }

    /** How many tenants ended in each outcome ({@code upgraded}, {@code up to date}, {@code failed}, ...). */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (TenantResult<T> result : results) {
            counts.merge(outcomeOf(result), 1, Integer::sum);
        }
        return counts;
    }

    /** The outcome of one tenant in a word or two. */
    public String outcomeOf(TenantResult<T> result) {
        if (result.skipped()) {
            return "not started";
        }
        return result.failed() ? "failed" : outcome.apply(result.value());
    }

    public String summary() {
        Map<String, Integer> counts = counts();
        Integer failed = counts.remove("failed");
        StringBuilder line = new StringBuilder(verb).append(' ').append(number(results.size()));
        line.append(results.size() == 1 ? " tenant" : " tenants");
        String parts = counts.entrySet().stream()
                .map(e -> number(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
        line.append(parts.isEmpty() ? "" : ": " + parts);
        if (failed != null) {
            line.append(parts.isEmpty() ? ": " : ", ").append(number(failed)).append(" failed: ");
            line.append(failures().stream()
                    .map(f -> f.tenant().name() + " (" + f.failureBrief() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
