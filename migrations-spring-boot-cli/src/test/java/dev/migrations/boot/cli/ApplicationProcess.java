package dev.migrations.boot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrations.boot.app.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The test application run as its own JVM, the way users run the command line. */
final class ApplicationProcess {

    /** How the process ended and what it printed. */
    record Result(int exit, String out, String err) {

        List<String> lines() {
            return out.isBlank() ? List.of() : out.strip().lines().toList();
        }
    }

    private ApplicationProcess() {}

    /** Runs the application with {@code args} in {@code dir} and waits for it to exit. */
    static Result run(Path dir, List<String> args) throws Exception {
        // C1 only: these JVMs live for a second or two, so startup matters more than peak speed.
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TestApplication.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("process finished")
                .isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Runs {@code migrations <args>} against {@code url}; {@code --migrations.*} arguments go before
     * the keyword, as application properties.
     */
    static Result migrations(Path dir, String url, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("--spring.datasource.url=" + url);
        List<String> cli = new ArrayList<>();
        for (String arg : args) {
            (arg.startsWith("--migrations.") ? command : cli).add(arg);
        }
        command.add("migrations");
        command.addAll(cli);
        return run(dir, command);
    }
}
