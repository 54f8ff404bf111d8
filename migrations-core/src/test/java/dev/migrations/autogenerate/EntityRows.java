package dev.migrations.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Version;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Writes one row of every concrete entity through Hibernate, every basic field filled, so a test
 * learns whether the migrated schema takes the inserts the application will make (a sequence table
 * with no seed row, a missing default, a column too short all fail here, not in production).
 */
final class EntityRows {

    private static final AtomicInteger counter = new AtomicInteger();

    /** Persists one filled instance of each concrete entity and reads the count back. */
    static void persistOneOfEach(SessionFactory factory, List<Class<?>> entities) {
        EntityRows rows = new EntityRows();
        for (Class<?> type : entities) {
            if (Modifier.isAbstract(type.getModifiers()) || !type.isAnnotationPresent(Entity.class)) {
                continue;
            }
            try (Session session = factory.openSession()) {
                session.beginTransaction();
                session.persist(rows.filled(session, type));
                session.getTransaction().commit();
            }
            try (Session session = factory.openSession()) {
                Long count = session.createQuery("select count(e) from " + type.getName() + " e", Long.class)
                        .getSingleResult();
                assertThat(count).as("rows of %s", type.getSimpleName()).isPositive();
            }
        }
    }

    private Object filled(Session session, Class<?> type) {
        Object instance = instantiate(type);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || skipped(field)) {
                    continue;
                }
                field.setAccessible(true);
                Object value = value(session, field);
                if (value != null) {
                    set(field, instance, value);
                }
            }
        }
        return instance;
    }

    private static boolean skipped(Field field) {
        return field.isAnnotationPresent(Version.class)
                || field.isAnnotationPresent(GeneratedValue.class)
                || Collection.class.isAssignableFrom(field.getType())
                || Map.class.isAssignableFrom(field.getType());
    }

    private Object value(Session session, Field field) {
        Class<?> type = field.getType();
        if (field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class)) {
            Object target = filled(session, type);
            session.persist(target);
            return target;
        }
        if (field.isAnnotationPresent(Embedded.class)) {
            return filled(session, type);
        }
        int n = counter.incrementAndGet();
        if (field.isAnnotationPresent(Id.class) && (type == Long.class || type == long.class)) {
            return (long) n;
        }
        return basic(type, n);
    }

    private static Object basic(Class<?> type, int n) {
        if (type == String.class) {
            return "v" + n;
        }
        if (type == Integer.class || type == int.class) {
            return n;
        }
        if (type == Long.class || type == long.class) {
            return (long) n;
        }
        if (type == Short.class || type == short.class) {
            return (short) 1;
        }
        if (type == Double.class || type == double.class) {
            return 1.5d;
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 6);
        }
        if (type == LocalTime.class) {
            return LocalTime.of(9, 30);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.of(2026, 12, 6, 9, 30);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-06T09:30:00Z");
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.of(2026, 12, 6, 9, 30, 0, 0, ZoneOffset.UTC);
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, 3};
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalArgumentException(
                "EntityRows has no sample value for " + type.getName() + "; add one so every entity field is written");
    }

    private static Object instantiate(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot instantiate " + type.getName(), e);
        }
    }

    private static void set(Field field, Object instance, Object value) {
        try {
            field.set(instance, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
