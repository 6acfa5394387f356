/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import io.jasyncio.examples.EchoServer;
import io.jasyncio.examples.chat.ChatServer;
import io.jasyncio.examples.http.HttpServer;
import io.jasyncio.examples.redis.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The child JVM of the adversarial tests: one example server's own {@code main}, as the launcher runs it, with an
 * admin line on stdin beside it. {@code ServerMain redis|http|chat|echo ARGS...}; on stdin, {@code stats} collects
 * garbage and prints one line {@code stats heap=B peak=B fds=N} (the heap used after a full collection, the heap's
 * peak since the last {@code reset} summed over its pools, the open descriptors), and {@code reset} starts a new peak.
 * The admin thread is a daemon, so it never keeps the process alive.
 */
public final class ServerMain {
    private ServerMain() {
    }

    /**
     * Runs the admin thread, then the server's main on this thread.
     *
     * @param args the server's name, then its own arguments
     */
    public static void main(String[] args) {
        Thread.ofPlatform().daemon().name("admin").start(ServerMain::admin);
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "redis" -> RedisServer.main(rest);
            case "http" -> HttpServer.main(rest);
            case "chat" -> ChatServer.main(rest);
            case "echo" -> EchoServer.main(rest);
            default -> throw new IllegalArgumentException("no server " + args[0]);
        }
    }

    private static void admin() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "stats" -> {
                        long peak = peak();
                        System.gc();
                        System.gc();
                        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                        System.out.println("stats heap=" + heap + " peak=" + peak + " fds=" + fds());
                        System.out.flush();
                    }
                    case "reset" -> {
                        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                        System.out.println("reset");
                        System.out.flush();
                    }
                    default -> {
                        // Nothing else is asked.
                    }
                }
            }
        } catch (IOException e) {
            // The parent went.
        }
    }

    private static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long fds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count() - 1; // without the directory's own
        }
    }
}
