package dev.migrations.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.migrations.schema.OmitWhenDefault;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A Java revision's checksum is the canonical form of the operation and schema values it records,
 * component by component. A component added to one of those records would change the checksum of
 * every revision already applied, so each record's always-written components are pinned here; a new
 * one must carry {@link OmitWhenDefault}, which keeps it out of the form while it holds its default.
 */
class ChecksumComponentsTest {

    @Test
    void theComponentsEveryChecksumCoversNeverChange() throws IOException {
        Map<String, String> pinned = new TreeMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/checksum-components.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(":", 2);
                    pinned.put(parts[0].trim(), parts[1].trim());
                }
            }
        }
        Map<String, String> now = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.migrations.ops", "dev.migrations.schema")) {
            Class<?> record = type.reflect();
            if (record.isRecord()) {
                now.put(record.getName(), alwaysWritten(record));
            }
        }
        assertThat(now).as("""
                        A record an operation or a schema value is written with gained or lost a component \
                        that every Java checksum covers, which changes the checksum of revisions already \
                        applied. Annotate a new component @OmitWhenDefault; add a new record's line to \
                        golden/checksum-components.txt""").containsExactlyInAnyOrderEntriesOf(pinned);
    }

    private static String alwaysWritten(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> !component.isAnnotationPresent(OmitWhenDefault.class))
                .map(RecordComponent::getName)
                .collect(Collectors.joining(","));
    }
}
