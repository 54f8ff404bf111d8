package dev.migrations.internal.script;

import dev.migrations.api.MigrationsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes new revision files (empty scaffolds for {@code revision}, merge revisions for
 * {@code merge}) as Java classes or SQL files, named by the file template.
 */
public final class ScriptWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Alembic's spelling, the one hand-written revisions use too: local time to the second. */
    private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final int SLUG_LENGTH = 40;

    /** A new revision's header and, for autogenerate, its bodies (Java statements or SQL). */
    public record NewRevision(
            String id,
            List<String> downRevisions,
            List<String> branchLabels,
            List<String> dependsOn,
            String message,
            boolean transactional,
            String upgradeBody,
            String downgradeBody,
            List<String> summary) {

        public NewRevision {
            summary = summary == null ? List.of() : List.copyOf(summary);
        }
    }

    private final Path javaDirectory;
    private final Path sqlDirectory;
    private final String javaPackage;
    private final String fileTemplate;

    public ScriptWriter(Path javaDirectory, Path sqlDirectory, String javaPackage, String fileTemplate) {
        this.javaDirectory = javaDirectory;
        this.sqlDirectory = sqlDirectory;
        this.javaPackage = javaPackage;
        this.fileTemplate = fileTemplate;
    }

    /** A fresh id: 12 lower-case hex characters, like Alembic's. */
    public static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public Path writeJava(NewRevision revision, ZonedDateTime now) {
        String className = "Rev" + fileName(revision, now);
        StringBuilder s = new StringBuilder();
        if (!javaPackage.isEmpty()) {
            s.append("package ").append(javaPackage).append(";\n\n");
        }
        if (hasCode(revision.upgradeBody()) || hasCode(revision.downgradeBody())) {
            s.append("import static dev.migrations.schema.Dsl.*;\n\n"); // generated bodies use the Dsl
        }
        s.append("import dev.migrations.api.Migration;\nimport dev.migrations.api.Ops;\n")
                .append("import dev.migrations.api.Revision;\n");
        if (revision.upgradeBody() != null
                && revision.upgradeBody().contains("Map.of(")) { // seed rows: ops.bulkInsert(t, List.of(Map.of(...)))
            s.append("import java.util.List;\nimport java.util.Map;\n");
        }
        s.append('\n');
        revision.summary().forEach(line -> s.append("// ").append(line).append('\n'));
        s.append("@Revision(\n        id = ").append(quote(revision.id()));
        if (!revision.downRevisions().isEmpty()) {
            s.append(",\n        down = ").append(array(revision.downRevisions()));
        }
        if (!revision.branchLabels().isEmpty()) {
            s.append(",\n        branchLabels = ").append(array(revision.branchLabels()));
        }
        if (!revision.dependsOn().isEmpty()) {
            s.append(",\n        dependsOn = ").append(array(revision.dependsOn()));
        }
        s.append(",\n        message = ").append(quote(revision.message()));
        s.append(",\n        createDate = ").append(quote(CREATE_DATE.format(now)));
        if (!revision.transactional()) {
            s.append(",\n        transactional = false");
        }
        s.append(")\npublic class ").append(className).append(" implements Migration {\n\n");
        s.append("    @Override\n    public void upgrade(Ops ops) {\n")
                .append(body(revision.upgradeBody()))
                .append("    }\n\n");
        s.append("    @Override\n    public void downgrade(Ops ops) {\n")
                .append(body(revision.downgradeBody()))
                .append("    }\n}\n");
        Path dir = javaPackage.isEmpty() ? javaDirectory : javaDirectory.resolve(javaPackage.replace('.', '/'));
        return write(dir.resolve(className + ".java"), s.toString());
    }

    public Path writeSql(NewRevision revision, ZonedDateTime now) {
        StringBuilder s = new StringBuilder();
        s.append("-- revision: ").append(revision.id()).append('\n');
        if (!revision.downRevisions().isEmpty()) {
            s.append("-- down_revision: ")
                    .append(String.join(", ", revision.downRevisions()))
                    .append('\n');
        }
        if (!revision.branchLabels().isEmpty()) {
            s.append("-- branch_labels: ")
                    .append(String.join(", ", revision.branchLabels()))
                    .append('\n');
        }
        if (!revision.dependsOn().isEmpty()) {
            s.append("-- depends_on: ")
                    .append(String.join(", ", revision.dependsOn()))
                    .append('\n');
        }
        s.append("-- message: ").append(revision.message().replace('\n', ' ')).append('\n');
        s.append("-- create_date: ").append(CREATE_DATE.format(now)).append('\n');
        if (!revision.transactional()) {
            s.append("-- transactional: false\n");
        }
        if (!revision.summary().isEmpty()) {
            s.append("--\n");
            revision.summary().forEach(line -> s.append("-- ").append(line).append('\n'));
        }
        s.append("\n-- +upgrade\n").append(revision.upgradeBody() == null ? "" : revision.upgradeBody() + "\n");
        s.append("\n-- +downgrade\n").append(revision.downgradeBody() == null ? "" : revision.downgradeBody() + "\n");
        return write(sqlDirectory.resolve(fileName(revision, now) + ".sql"), s.toString());
    }

    String fileName(NewRevision revision, ZonedDateTime now) {
        ZonedDateTime t = now.withZoneSameInstant(ZoneOffset.UTC);
        return fileTemplate
                .replace("{rev}", revision.id())
                .replace("{slug}", slug(revision.message()))
                .replace("{year}", String.format("%04d", t.getYear()))
                .replace("{month}", String.format("%02d", t.getMonthValue()))
                .replace("{day}", String.format("%02d", t.getDayOfMonth()))
                .replace("{hour}", String.format("%02d", t.getHour()))
                .replace("{minute}", String.format("%02d", t.getMinute()))
                .replace("{second}", String.format("%02d", t.getSecond()))
                .replace("{epoch}", String.valueOf(t.toEpochSecond()));
    }

    /** Words of the message, lower-case, joined by underscores, cut at a word boundary. */
    static String slug(String message) {
        String[] words = message.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip()
                .split(" ");
        StringBuilder slug = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (slug.length() > 0 && slug.length() + 1 + word.length() > SLUG_LENGTH) {
                break;
            }
            if (slug.length() > 0) {
                slug.append('_');
            }
            slug.append(word.length() > SLUG_LENGTH ? word.substring(0, SLUG_LENGTH) : word);
        }
        return slug.length() == 0 ? "revision" : slug.toString();
    }

    private static boolean hasCode(String body) {
        return body != null && !body.isBlank();
    }

    private static String body(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (String line : body.split("\n")) {
            s.append(line.isBlank() ? "" : "        " + line).append('\n');
        }
        return s.toString();
    }

    private static String array(List<String> values) {
        if (values.size() == 1) {
            return quote(values.get(0));
        }
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return s.append('}').toString();
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                throw new MigrationsException("Not overwriting existing file " + file);
            }
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
