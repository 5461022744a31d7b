package io.redpair.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code redpair supervise --site F --events jsonl} as a separate JVM, so a test can SIGKILL RedPair itself.
 * Its events are read from stdout; its log goes to a file next to the site.
 */
public final class SuperviseProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private final Path log;

    private SuperviseProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::read, "supervise-events-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    public static SuperviseProcess start(Path site, String logName) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.redpair.Main", "supervise", "--site", site.toString(),
                "--events", "jsonl")
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.appendTo(site.resolveSibling(logName).toFile()));
        return new SuperviseProcess(pb.start(), site.resolveSibling(logName));
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("{")) {
                    events.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            // the process was killed: its stdout ends
        }
    }

    /** Waits for an event line matching {@code match}; returns it. */
    public JsonNode await(String what, Predicate<JsonNode> match, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("supervise exited with " + process.exitValue() + " before " + what + "\n" + dump());
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("no " + what + " within " + limit.toMillis() + " ms\n" + dump());
    }

    /** The events so far and the tail of the process's log, for failure messages. */
    public String dump() {
        String tail;
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            tail = String.join("\n    ", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e.getMessage() + ")";
        }
        return events.stream().map(JsonNode::toString).collect(Collectors.joining("\n  ", "  ", ""))
                + "\n  log " + log + ":\n    " + tail;
    }

    public static Predicate<JsonNode> state(String mode, String active) {
        return e -> "state".equals(e.path("type").asText()) && mode.equals(e.path("to").asText())
                && (active == null || active.equals(e.path("active").asText()));
    }

    public static Predicate<JsonNode> command(String command, String box) {
        return e -> "command".equals(e.path("type").asText()) && command.equals(e.path("command").asText())
                && box.equals(e.path("box").asText()) && e.path("ok").asBoolean();
    }

    /** Sends a signal by name (STOP, CONT, TERM) to the supervise JVM. */
    public void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** Events matching {@code match} seen so far. */
    public List<JsonNode> events(Predicate<JsonNode> match) {
        return events.stream().filter(match).toList();
    }

    /** SIGKILL: no shutdown hook, no clean-up — the lock is released by the kernel, the journal is as it was. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
