package dev.migrations.ops;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Raw SQL. With {@code databases} non-empty it runs only on those databases ({@code postgresql},
 * {@code sqlite}, {@code h2}...), so one migration can carry a statement per dialect.
 */
public record Execute(String sql, Set<String> databases) implements Operation {

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.execute(this);
    }

    public Execute {
        databases = databases == null
                ? Set.of()
                : Set.copyOf(databases.stream()
                        .map(d -> d.strip().toLowerCase(Locale.ROOT))
                        .toList());
    }

    public boolean appliesTo(String database) {
        return databases.isEmpty() || databases.contains(database);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        String s = sql.strip().replaceAll("\\s+", " ");
        return "execute " + (s.length() > 60 ? s.substring(0, 60) + "..." : s);
    }

    @Override
    public String table() {
        return null;
    }

    @Override
    public String irreversibleReason() {
        return describe() + " cannot be reversed: raw SQL needs a hand-written downgrade";
    }
}
