package dev.migrations.internal.script;

import dev.migrations.schema.OmitWhenDefault;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operation values written as text that depends only on what they say: records by name and
 * components in declaration order, collections in order, maps by sorted key, strings quoted and
 * escaped. Neither the compiler, the JVM nor {@code toString} implementations enter into it, so a
 * Java revision's checksum changes when what it does changes, and only then. This must never change
 * for existing revisions: a new form gets a new checksum version.
 */
final class CanonicalForm {

    private CanonicalForm() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            quote(text.toString(), out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Enum<?> constant) {
            out.append(constant.name());
        } else if (value instanceof Optional<?> optional) {
            out.append(optional.isPresent() ? "some(" : "none(");
            optional.ifPresent(v -> write(v, out));
            out.append(')');
        } else if (value instanceof byte[] bytes) {
            out.append("0x").append(HexFormat.of().formatHex(bytes));
        } else if (value instanceof Set<?> members) {
            // a set has no order of its own (Set.of's changes with every JVM): sort by canonical form
            write(members.stream().map(CanonicalForm::of).sorted().map(Raw::new).toList(), out);
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(of(k), v));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(separator).append(entry.getKey()).append('=');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value.getClass().isRecord()) {
            record(value, out);
        } else {
            // dates, times, UUIDs and the like: values whose text is their meaning
            out.append(value.getClass().getSimpleName()).append(':');
            quote(value.toString(), out);
        }
    }

    /** Text already in canonical form. */
    private record Raw(String text) {}

    private static void record(Object value, StringBuilder out) {
        out.append(value.getClass().getSimpleName()).append('(');
        String separator = "";
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object componentValue;
            try {
                componentValue = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component + " of " + value.getClass(), e);
            }
            if (component.isAnnotationPresent(OmitWhenDefault.class) && isDefault(componentValue)) {
                continue;
            }
            out.append(separator).append(component.getName()).append('=');
            write(componentValue, out);
            separator = ",";
        }
        out.append(')');
    }

    private static boolean isDefault(Object value) {
        return value == null
                || Boolean.FALSE.equals(value)
                || (value instanceof Number number && number.doubleValue() == 0)
                || (value instanceof Optional<?> optional && optional.isEmpty())
                || (value instanceof Collection<?> items && items.isEmpty())
                || (value instanceof Map<?, ?> map && map.isEmpty());
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"')
                .append(text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append('"');
    }
}
