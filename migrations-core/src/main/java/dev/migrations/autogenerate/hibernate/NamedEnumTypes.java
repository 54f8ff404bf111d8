package dev.migrations.autogenerate.hibernate;

import dev.migrations.schema.EnumType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.mapping.BasicValue;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.JdbcType;

/**
 * The named enum type a column of the entities uses: a field mapped with
 * {@code @JdbcTypeCode(SqlTypes.NAMED_ENUM)} (or {@code NAMED_ORDINAL_ENUM}) on a database whose
 * dialect has such types. Its name is the column's SQL type: the one Hibernate's dialect declares
 * (the enum class's simple name), or the type a {@code columnDefinition} names. Its values are the
 * enum's constants in the order Hibernate's own {@code create type} lists them: sorted by name for
 * {@code NAMED_ENUM}, in declaration order for {@code NAMED_ORDINAL_ENUM}.
 */
final class NamedEnumTypes {

    private NamedEnumTypes() {}

    static Optional<EnumType> of(org.hibernate.mapping.Column column, String sqlType) {
        if (!(column.getValue() instanceof BasicValue value) || value.resolve() == null) {
            return Optional.empty();
        }
        JdbcType jdbcType = value.resolve().getJdbcType();
        int code = jdbcType.getDefaultSqlTypeCode();
        Class<?> javaType = value.resolve().getDomainJavaType().getJavaTypeClass();
        if (code != SqlTypes.NAMED_ENUM && code != SqlTypes.NAMED_ORDINAL_ENUM || !javaType.isEnum()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>(Arrays.stream(javaType.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .toList());
        if (code == SqlTypes.NAMED_ENUM) {
            values.sort(null); // as PostgreSQLEnumJdbcType orders them for its create type
        }
        String name = sqlType.strip();
        boolean quoted = name.startsWith("\"") && name.endsWith("\"");
        return Optional.of(
                EnumType.named(quoted ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT), values));
    }
}
