/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.tests.ChildJvm;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server out of file descriptors, in a child JVM under {@code prlimit --nofile}: as asyncio's
 * {@code _accept_connection} it reports "socket.accept() out of system resource" to the exception handler, rests the
 * listening socket and tries again a second later; one report for each episode (two here, apart by a quiet spell), not
 * one per failed accept, on every backend, and no busy loop of failing accepts meanwhile (io_uring's multishot accept
 * once re-armed itself after each EMFILE). Once descriptors are free again it serves a fresh client.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AcceptExhaustionTest {
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    /** The child's descriptor limit: the JVM's own files and the loop's, then a few dozen connections. */
    private static final int NOFILE = 200;
    private static final String OUT_OF_RESOURCE = "report socket.accept() out of system resource";

    @Test
    void testAcceptOutOfSystemResource() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PRLIMIT), "prlimit is not installed");
        List<String> command = new ArrayList<>(List.of(PRLIMIT.toString(), "--nofile=" + NOFILE + ":" + NOFILE, "--"));
        command.addAll(ChildJvm.java(false));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AcceptExhaustionMain.class.getName()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        List<String> reports = new CopyOnWriteArrayList<>();
        BlockingQueue<String> ports = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> readLines(child.getInputStream(), ports, reports));
        List<Socket> held = new ArrayList<>();
        try {
            String portLine = ports.poll(30, TimeUnit.SECONDS);
            assertNotNull(portLine, "the child listens");
            int port = Integer.parseInt(portLine.substring("port ".length()));
            try (Socket first = connect(port)) { // a cold child on a busy machine may take more than 500 ms
                assertTrue(echoes(first, 20_000), "the child serves a first client");
            }

            for (int episode = 1; episode <= 2; episode++) { // a second episode is reported again
                // Connect until one is no longer served: the kernel still queues it, the child cannot accept.
                while (true) {
                    assertTrue(held.size() < 2 * NOFILE, "the child ran out of descriptors");
                    Socket s = connect(port);
                    held.add(s);
                    if (!echoes(s, 500)) {
                        break;
                    }
                }
                long cpuBefore = cpuTicks(child.pid());
                long start = System.nanoTime();
                Thread.sleep(2500); // out of descriptors through two retries
                long cpu = cpuTicks(child.pid()) - cpuBefore;
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s, episode %d: %d connections served; held %.1f s, child CPU %.0f%%, %s%n",
                        System.getProperty("jasyncio.transport", "default"), episode, held.size() - 1, seconds,
                        100.0 * cpu / 100 / seconds, reports);
                assertEquals(episode, count(reports, OUT_OF_RESOURCE), "one report for each episode: " + reports);
                assertTrue(cpu < 50 * seconds, "the child rests while out of descriptors, not a busy accept loop: "
                        + cpu + " ticks in " + seconds + " s");
                assertTrue(reports.get(episode - 1).contains("OSError: [Errno 24] Too many open files"),
                        reports.get(episode - 1));

                for (Socket s : held) {
                    s.close();
                }
                held.clear();
                try (Socket fresh = connect(port)) {
                    assertTrue(echoes(fresh, 10_000), "a fresh client is served once descriptors are free");
                }
                assertEquals(episode, count(reports, OUT_OF_RESOURCE), "still one for each episode: " + reports);
                Thread.sleep(2500); // an episode ends after two retry delays without a failure
            }
            assertEquals(reports.size(), count(reports, OUT_OF_RESOURCE), "nothing else reported: " + reports);
        } finally {
            for (Socket s : held) {
                s.close();
            }
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    /** Whether the server echoes one byte within {@code millis}. */
    private static boolean echoes(Socket s, int millis) throws IOException {
        s.getOutputStream().write('x');
        s.getOutputStream().flush();
        s.setSoTimeout(millis);
        byte[] one = new byte[1];
        try {
            int n = s.getInputStream().read(one);
            assertEquals(1, n, "the echo");
            assertArrayEquals(new byte[] {'x'}, one);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static void readLines(InputStream in, BlockingQueue<String> ports, List<String> reports) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("port ")) {
                    ports.add(line);
                } else if (line.startsWith("report ")) {
                    reports.add(line);
                }
            }
        } catch (IOException e) {
            // The child was killed.
        }
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    /** The process's user and system CPU time in clock ticks (100 a second on Linux), from /proc. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
