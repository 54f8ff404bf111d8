package dev.migrations.internal.script;

import dev.migrations.api.Migration;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Ops;
import dev.migrations.api.Revision;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/** A revision written as a Java class annotated with {@link Revision}. */
public final class JavaMigrationScript extends MigrationScript {

    private Class<? extends Migration> type; // loaded on first use for a revision known from the index
    private final ClassLoader loader;
    private Migration instance;
    private String checksum;

    JavaMigrationScript(Class<? extends Migration> type, Revision revision) {
        super(
                new Header(
                        revision.id(),
                        clean(revision.down()),
                        clean(revision.branchLabels()),
                        clean(revision.dependsOn()),
                        revision.message(),
                        revision.createDate(),
                        revision.transactional(),
                        clean(revision.lintIgnore())),
                type.getName());
        this.type = type;
        this.loader = null;
    }

    /**
     * A revision known from the build-time index: its header as the build read it from the annotation,
     * its class loaded only when the revision runs or is checksummed.
     */
    JavaMigrationScript(Header header, String className, ClassLoader loader) {
        super(header, className);
        this.loader = loader;
    }

    static List<String> cleanAll(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static List<String> clean(String[] values) {
        return java.util.Arrays.stream(values)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private JavaMigrationScript(Header header, Migration instance) {
        super(header, instance.getClass().getName());
        this.type = instance.getClass();
        this.loader = null;
        this.instance = instance;
    }

    /** A revision from a migration object (a Spring bean, say) whose class carries {@link Revision}. */
    public static JavaMigrationScript of(Migration instance) {
        Revision revision = instance.getClass().getAnnotation(Revision.class);
        if (revision == null) {
            throw new MigrationsException("Migration " + instance.getClass().getName() + " has no @Revision"
                    + " annotation: add @Revision(id = ..., down = ...) to the class.");
        }
        JavaMigrationScript script = new JavaMigrationScript(instance.getClass(), revision);
        script.instance = instance;
        return script;
    }

    /** A revision from a migration object and a header given in code. */
    public static JavaMigrationScript of(Header header, Migration instance) {
        return new JavaMigrationScript(header, instance);
    }

    public synchronized Class<? extends Migration> type() {
        if (type == null) {
            Class<?> loaded;
            try {
                loaded = Class.forName(source(), false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new MigrationsException(
                        "Revision " + id() + " is indexed as class " + source() + ", which cannot be loaded ("
                                + e + "). Rebuild the application so " + RevisionIndex.FILE_NAME
                                + " is written again.",
                        id(),
                        e);
            }
            if (!Migration.class.isAssignableFrom(loaded)) {
                throw new MigrationsException("Revision " + id() + " is indexed as class " + source()
                        + ", which does not implement " + Migration.class.getName() + ". Rebuild the application.");
            }
            type = loaded.asSubclass(Migration.class);
        }
        return type;
    }

    private synchronized Migration instance() {
        if (instance == null) {
            try {
                instance = type().getDeclaredConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new MigrationsException(
                        "Revision " + id() + " (" + source() + ") failed in its constructor: " + e.getCause(),
                        id(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new MigrationsException(
                        "Revision " + id() + " (" + source() + ") cannot be created: give"
                                + " the class a public no-argument constructor.",
                        id(),
                        e);
            }
        }
        return instance;
    }

    /**
     * The migration's own checksum when it gives one; otherwise one of what its {@code upgrade} and
     * {@code downgrade} ask for, recorded without a database ({@link OperationRecorder}), so an edit
     * that changes what an applied revision does is caught however the class was compiled.
     */
    @Override
    public synchronized String checksum() {
        if (checksum == null) {
            String own = instance().checksum();
            checksum = own != null ? own : Checksums.ofOperations(record(true), record(false));
        }
        return checksum;
    }

    private List<String> record(boolean upgrade) {
        OperationRecorder recorder = new OperationRecorder();
        try {
            if (upgrade) {
                instance().upgrade(recorder);
            } else {
                instance().downgrade(recorder);
            }
        } catch (OperationRecorder.NeedsDatabase e) {
            // recorded up to the code that needs a database, which says so in the recording
        } catch (Exception e) {
            // code that fails without a database is recorded up to the failure, by its kind
            recorder.recorded().add("failed with " + e.getClass().getName());
        }
        return recorder.recorded();
    }

    @Override
    public void upgrade(Ops ops) throws Exception {
        instance().upgrade(ops);
    }

    @Override
    public void downgrade(Ops ops) throws Exception {
        instance().downgrade(ops);
    }
}
