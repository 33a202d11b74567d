package dev.aihq.examples.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A worker's {@code main} run in a JVM of its own on the test's class path, its output written to a log
 * file under {@code target/}, and killed the hard way ({@link Process#destroyForcibly()}, SIGKILL on Linux
 * and macOS: no shutdown hook, no finally block, no flush runs in it).
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code main} in a new JVM.
     *
     * @param main the class whose {@code main} to run
     * @param log where the child's standard output and error go
     * @param args the arguments
     * @return the running child
     */
    static ChildJvm launch(Class<?> main, Path log, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Duser.timezone=" + TimeZone.getDefault().getID());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ChildJvm(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + main.getName(), e);
        }
    }

    /** Kills the child with SIGKILL and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("child " + process.pid() + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for child " + process.pid() + " to die", e);
        }
    }

    /**
     * Fails with the end of the child's log when it has exited on its own.
     *
     * @throws AssertionError when the child is no longer running
     */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("child " + process.pid() + " exited with " + process.exitValue() + "; its log "
                    + log + " ends with:\n" + tail());
        }
    }

    /**
     * Returns the last lines of the child's log.
     *
     * @return up to 40 lines
     */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * Polls a condition every 20 ms until it gives a value or the deadline passes.
     *
     * @param what the condition, for the failure message
     * @param timeout the longest wait
     * @param probe gives a value once the condition holds; it may throw to fail at once
     * @param <T> what the probe gives
     * @return the probe's value
     * @throws AssertionError when the deadline passes first
     */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
