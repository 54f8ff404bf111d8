package dev.migrations.platform;

import dev.migrations.ops.AlterSequence;
import dev.migrations.schema.Sequence;

/** The options clause of {@code CREATE SEQUENCE} and {@code ALTER SEQUENCE}, in standard SQL. */
final class SequenceOptions {

    private SequenceOptions() {}

    /** @param noCycle the platform's spelling of "no cycle": standard {@code NO CYCLE}, MariaDB's {@code NOCYCLE} */
    static String of(Sequence s, String noCycle) {
        StringBuilder sql = new StringBuilder();
        if (s.start() != null) {
            sql.append(" START WITH ").append(s.start());
        }
        return append(sql, s.increment(), s.minValue(), s.maxValue(), s.cycle(), s.cache(), noCycle)
                .toString();
    }

    static String of(AlterSequence o, String noCycle) {
        StringBuilder sql =
                append(new StringBuilder(), o.increment(), o.minValue(), o.maxValue(), o.cycle(), o.cache(), noCycle);
        if (o.restartWith() != null) {
            sql.append(" RESTART WITH ").append(o.restartWith());
        }
        return sql.toString();
    }

    private static StringBuilder append(
            StringBuilder sql, Long increment, Long min, Long max, Boolean cycle, Long cache, String noCycle) {
        if (increment != null) {
            sql.append(" INCREMENT BY ").append(increment);
        }
        if (min != null) {
            sql.append(" MINVALUE ").append(min);
        }
        if (max != null) {
            sql.append(" MAXVALUE ").append(max);
        }
        if (cycle != null) {
            sql.append(' ').append(cycle ? "CYCLE" : noCycle);
        }
        if (cache != null) {
            sql.append(" CACHE ").append(cache);
        }
        return sql;
    }
}
