/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.tests.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * An example server in a child JVM ({@link ServerMain}), with a heap limit and, through {@code prlimit}, a descriptor
 * limit: its port, its admin line ({@link #stats()}), its CPU time and descriptors read from {@code /proc}, and its
 * stderr counted line by line (the log).
 */
final class ServerProcess implements AutoCloseable {
    /** What the child says of itself: heap used after a full collection, the heap's peak, open descriptors. */
    record Stats(long heap, long peak, long fds) {
        @Override
        public String toString() {
            return String.format("heap %.1f MB (peak %.1f MB), %d fds", heap / 1e6, peak / 1e6, fds);
        }
    }

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Pattern LISTENING = Pattern.compile(" listening on 127\\.0\\.0\\.1:(\\d+) \\(");
    private static final Pattern STATS = Pattern.compile("stats heap=(\\d+) peak=(\\d+) fds=(\\d+)");
    /** Descriptors the JVM may open once and keep (a class file, a lazily made pipe) without a leak. */
    static final int FD_SLACK = 3;
    /** Heap the first use of a code path may keep (classes' statics, interned strings), far below any attack's. */
    static final long HEAP_SLACK = 6L << 20;

    private final Process process;
    private final PrintStream admin;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final AtomicLong stderrLines = new AtomicLong();
    private final List<String> stderrHead = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread outReader;
    private final Thread errReader;
    private final int port;

    private ServerProcess(List<String> command) throws IOException, InterruptedException {
        process = new ProcessBuilder(command).start();
        admin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        outReader = Thread.ofPlatform().daemon().start(() -> readOut(process.getInputStream(), first));
        errReader = Thread.ofPlatform().daemon().start(() -> readErr(process.getErrorStream()));
        String line = first.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, () -> "the server says where it listens; stderr: " + stderr());
        Matcher m = LISTENING.matcher(line);
        assertTrue(m.find(), "the line saying where it listens: " + line);
        port = Integer.parseInt(m.group(1));
    }

    /**
     * Starts a server.
     *
     * @param nofile the descriptor limit, 0 for none (the test is skipped without {@code prlimit})
     * @param xmx the heap limit, such as {@code 64m}
     * @param server redis, http, chat or echo
     * @param args the server's arguments besides {@code --port 0}
     */
    static ServerProcess start(int nofile, String xmx, String server, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (nofile > 0) {
            Assumptions.assumeTrue(Files.isExecutable(PRLIMIT), "prlimit is not installed");
            command.addAll(List.of(PRLIMIT.toString(), "--nofile=" + nofile + ":" + nofile, "--"));
        }
        command.addAll(ChildJvm.java(true));
        command.addAll(List.of("-Xmx" + xmx, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ServerMain.class.getName(), server, "--port", "0"));
        command.addAll(List.of(args));
        return new ServerProcess(command);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Process process() {
        return process;
    }

    /** Collects garbage in the child and reads its heap and descriptors. */
    Stats stats() throws InterruptedException {
        assertAlive();
        admin.println("stats");
        String line = replies.poll(30, TimeUnit.SECONDS);
        assertNotNull(line, "the server answers its admin line");
        Matcher m = STATS.matcher(line);
        assertTrue(m.matches(), line);
        return new Stats(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    /** Starts a new heap peak. */
    void resetPeak() throws InterruptedException {
        admin.println("reset");
        assertNotNull(replies.poll(30, TimeUnit.SECONDS), "the server answers its admin line");
    }

    /** The open descriptors, from {@code /proc}, without a collection. */
    long fds() throws IOException {
        assertAlive();
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid() + "/fd"))) {
            return s.count();
        }
    }

    /** Asserts the server is up, with its stderr's first lines when it is not. */
    void assertAlive() {
        assertTrue(alive(), () -> "the server is up; stderr: " + stderr());
    }

    /** The child's user and system CPU time in clock ticks (100 a second on Linux). */
    long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** The peak resident set, from {@code /proc}, in bytes. */
    long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** Lines written to stderr (the log) so far. */
    long stderrLines() {
        return stderrLines.get();
    }

    /** The first lines of stderr, for messages. */
    String stderr() {
        synchronized (stderrHead) {
            return String.join("\n", stderrHead);
        }
    }

    /**
     * Waits until the descriptors and the heap after a collection are back to the baseline's (the server closes its
     * side of connections in its own time), for at most 15 s.
     *
     * @param baseline the stats before the attack
     * @return the stats after
     */
    Stats assertBackToBaseline(Stats baseline) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Stats now = stats();
        while ((now.fds() > baseline.fds() + FD_SLACK || now.heap() > baseline.heap() + HEAP_SLACK)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = stats();
        }
        Stats after = now;
        assertTrue(after.fds() <= baseline.fds() + FD_SLACK, () -> "descriptors back to the baseline's: before "
                + baseline + ", after " + after);
        assertTrue(after.heap() <= baseline.heap() + HEAP_SLACK, () -> "heap back to the baseline's: before "
                + baseline + ", after " + after);
        return after;
    }

    /** Stops the server with SIGTERM (its clean stop), or kills it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        outReader.join(5000);
        errReader.join(5000);
    }

    private void readOut(InputStream in, BlockingQueue<String> first) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(" listening on ")) {
                    first.add(line);
                } else if (line.startsWith("stats ") || line.equals("reset")) {
                    replies.add(line);
                }
            }
        } catch (IOException e) {
            // The child ended.
        }
    }

    private void readErr(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (stderrLines.incrementAndGet() <= 200) {
                    stderrHead.add(line);
                }
            }
        } catch (IOException e) {
            // The child ended.
        }
    }
}
