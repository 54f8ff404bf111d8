package dev.migrations.index;

import dev.migrations.api.Migration;
import dev.migrations.api.MigrationsException;
import dev.migrations.api.Revision;
import dev.migrations.internal.script.MigrationScript;
import dev.migrations.internal.script.RevisionIndex;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the revision index ({@link RevisionIndex}) of every location into the compiled classes, so a
 * boot reads one resource instead of scanning the classpath. It runs in the compiler of any module that
 * has {@code migrations-core} on its class path (found through {@code META-INF/services}), so a Maven
 * build needs no extra step: resources are copied to {@code target/classes} before compiling, and
 * the processor indexes the SQL files it finds there together with the {@link Revision} classes it is
 * compiling.
 *
 * <p>The locations indexed are {@code db/migrations}, the package of every {@link Revision} class not
 * already inside one, and those given with {@code -Amigrations.locations=a/b,c/d}. A location with a
 * malformed script gets no index and a warning: the run-time scan then reports the file as it always
 * has. Java revisions are indexed without a checksum, which only the compiled class can give.
 */
@SupportedAnnotationTypes("*")
@SupportedOptions(RevisionIndexProcessor.LOCATIONS_OPTION)
public final class RevisionIndexProcessor extends AbstractProcessor {

    public static final String LOCATIONS_OPTION = "migrations.locations";

    static final String DEFAULT_LOCATION = "db/migrations";

    /** Every top-level class compiled in this run, by binary name, with its header when it is a revision. */
    private final Map<String, CompiledClass> compiled = new TreeMap<>();

    private record CompiledClass(String name, String packagePath, MigrationScript.Header header, String problem) {}

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element element : round.getRootElements()) {
            if (element instanceof TypeElement type && !type.getNestingKind().isNested()) {
                record(type);
            }
        }
        if (round.processingOver()) {
            for (String location : locations()) {
                writeIndex(location);
            }
        }
        return false;
    }

    private void record(TypeElement type) {
        String name = processingEnv.getElementUtils().getBinaryName(type).toString();
        String packageName = processingEnv
                .getElementUtils()
                .getPackageOf(type)
                .getQualifiedName()
                .toString();
        Revision revision = type.getAnnotation(Revision.class);
        TypeMirror migration = processingEnv
                .getElementUtils()
                .getTypeElement(Migration.class.getName())
                .asType();
        boolean concrete =
                type.getKind() == ElementKind.CLASS && !type.getModifiers().contains(Modifier.ABSTRACT);
        boolean isMigration = processingEnv.getTypeUtils().isAssignable(type.asType(), migration);
        String problem = null;
        MigrationScript.Header header = null;
        if (revision != null && !(concrete && isMigration)) {
            problem = "has @Revision but is not a concrete class implementing " + Migration.class.getName();
        } else if (revision == null && concrete && isMigration) {
            problem = "implements " + Migration.class.getSimpleName() + " but has no @Revision annotation";
        } else if (revision != null) {
            header = new MigrationScript.Header(
                    revision.id(),
                    clean(revision.down()),
                    clean(revision.branchLabels()),
                    clean(revision.dependsOn()),
                    revision.message(),
                    revision.createDate(),
                    revision.transactional(),
                    clean(revision.lintIgnore()));
        }
        compiled.put(name, new CompiledClass(name, packageName.replace('.', '/'), header, problem));
    }

    private static List<String> clean(String[] values) {
        return Arrays.stream(values)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    private Set<String> locations() {
        Set<String> locations = new LinkedHashSet<>();
        locations.add(DEFAULT_LOCATION);
        String option = processingEnv.getOptions().get(LOCATIONS_OPTION);
        if (option != null) {
            for (String part : option.split(",")) {
                String path = part.strip().replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
                if (!path.isEmpty()) {
                    locations.add(path);
                }
            }
        }
        for (CompiledClass type : compiled.values()) {
            if (type.header() != null && locations.stream().noneMatch(l -> inside(type.packagePath(), l))) {
                locations.add(type.packagePath());
            }
        }
        return locations;
    }

    private static boolean inside(String path, String location) {
        return path.equals(location) || path.startsWith(location + "/");
    }

    private void writeIndex(String location) {
        FileObject target;
        try {
            target = processingEnv
                    .getFiler()
                    .createResource(StandardLocation.CLASS_OUTPUT, "", location + "/" + RevisionIndex.FILE_NAME);
        } catch (IOException | IllegalArgumentException e) {
            warn("no revision index for " + location + ": " + e.getMessage());
            return;
        }
        List<RevisionIndex.Entry> entries = new ArrayList<>();
        try {
            URI uri = target.toUri();
            if ("file".equals(uri.getScheme())) {
                entries.addAll(SqlIndexEntries.of(Paths.get(uri).getParent(), location));
            }
        } catch (MigrationsException | IOException e) {
            warn("no revision index for " + location + ", so it is scanned at run time, where it fails: "
                    + e.getMessage());
            return;
        }
        for (CompiledClass type : compiled.values()) {
            if (!inside(type.packagePath(), location)) {
                continue;
            }
            if (type.problem() != null) {
                warn("no revision index for " + location + ": class " + type.name() + " " + type.problem() + ".");
                return;
            }
            entries.add(
                    type.header() == null
                            ? new RevisionIndex.Entry(RevisionIndex.Kind.CLASS, type.name(), -1, -1, null, null)
                            : new RevisionIndex.Entry(
                                    RevisionIndex.Kind.JAVA, type.name(), -1, -1, null, type.header()));
        }
        if (entries.isEmpty()) {
            return;
        }
        try (Writer out = target.openWriter()) {
            out.write(new RevisionIndex(location, entries).write());
        } catch (IOException e) {
            warn("cannot write the revision index for " + location + ": " + e.getMessage());
        }
    }

    private void warn(String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "migrations: " + message);
    }
}
