package dev.migrations.autogenerate.hibernate;

import dev.migrations.api.RenamedFrom;
import dev.migrations.autogenerate.compare.Renames;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;

/**
 * The {@link RenamedFrom} hints of the entities Hibernate mapped: an entity's names its table's old
 * name, a field's (or getter's) its column's. Read from the classes of the application's own model,
 * so a hint follows the naming strategy that names the new table and column.
 */
public final class RenameHints {

    private RenameHints() {}

    public static Renames from(Metadata metadata) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            if (type == null) {
                continue;
            }
            String table = name(entity.getTable().getName(), entity.getTable().isQuoted());
            RenamedFrom tableHint = type.getAnnotation(RenamedFrom.class);
            if (tableHint != null) {
                tables.put(oldName(tableHint), table);
            }
            List<Property> properties = new ArrayList<>(entity.getPropertyClosure());
            if (entity.getIdentifierProperty() != null) {
                properties.add(entity.getIdentifierProperty());
            }
            for (Property property : properties) {
                RenamedFrom hint = hintOn(type, property.getName());
                if (hint == null || property.getValue().getColumns().size() != 1) {
                    continue;
                }
                org.hibernate.mapping.Column column =
                        property.getValue().getColumns().get(0);
                org.hibernate.mapping.Table owner = property.getValue().getTable();
                columns.computeIfAbsent(name(owner.getName(), owner.isQuoted()), t -> new LinkedHashMap<>())
                        .put(oldName(hint), name(column.getName(), column.isQuoted()));
            }
        }
        return new Renames(tables, columns);
    }

    /** The hint on the field named {@code property} or its getter, in the class or a superclass. */
    private static RenamedFrom hintOn(Class<?> type, String property) {
        String capitalized = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (AnnotatedElement element : members(c, property, capitalized)) {
                RenamedFrom hint = element.getAnnotation(RenamedFrom.class);
                if (hint != null) {
                    return hint;
                }
            }
        }
        return null;
    }

    private static List<AnnotatedElement> members(Class<?> c, String property, String capitalized) {
        List<AnnotatedElement> found = new ArrayList<>();
        try {
            found.add(c.getDeclaredField(property));
        } catch (NoSuchFieldException e) {
            // a property without a field of its name: its getter may carry the hint
        }
        for (String getter : List.of("get" + capitalized, "is" + capitalized)) {
            try {
                found.add(c.getDeclaredMethod(getter));
            } catch (NoSuchMethodException e) {
                // not this spelling
            }
        }
        return found;
    }

    private static String oldName(RenamedFrom hint) {
        String name = hint.value().strip();
        boolean quoted = name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"));
        return name(quoted ? name.substring(1, name.length() - 1) : name, quoted);
    }

    /** An unquoted name as the database keeps it, as {@link HibernateSchema} reads names. */
    private static String name(String name, boolean quoted) {
        return quoted ? name : name.toLowerCase(Locale.ROOT);
    }
}
