package dev.migrations.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine names its own settings in its messages ({@code raise lockWaitTimeout}), since it runs
 * without Spring too; a Spring application sets them as {@code migrations.*} properties, so its
 * failure reports and command line say those instead.
 */
public final class SpringSettingNames {

    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("raise lockWaitTimeout", "raise migrations.lock-wait-timeout");
        PHRASES.put("set deadHolder to TERMINATE", "set migrations.dead-holder=terminate");
        PHRASES.put(
                "raise ddlLockTimeout / ddlLockRetries",
                "raise migrations.ddl-lock-timeout /" + " migrations.ddl-lock-retries");
        PHRASES.put("set ddlOnlineDefaults to false", "set migrations.ddl-online-defaults=false");
        PHRASES.put("turn validateChecksums off", "set migrations.validate-checksums=false");
        PHRASES.put("set ddlLockTimeout", "set migrations.ddl-lock-timeout");
        PHRASES.put("smallTableRows (", "migrations.lint.small-table-rows (");
        PHRASES.put("fix the locations setting", "fix migrations.locations");
        PHRASES.put(
                "Check the user and password of the DataSource (or of the separate migration connection)",
                "Check the user and password (spring.datasource.*, or migrations.user and migrations.password when"
                        + " set)");
    }

    private SpringSettingNames() {}

    /** {@code message} with the engine's setting names replaced by the properties that set them. */
    public static String translate(String message) {
        if (message == null) {
            return null;
        }
        String result = message;
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            result = result.replace(phrase.getKey(), phrase.getValue());
        }
        return result;
    }
}
