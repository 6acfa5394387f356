/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.examples.tools;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.debug.watchdog.Watchdog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JFR events: records a slow callback and a stall to a file, then prints the jasyncio events of the file. In
 * production, record with {@code -XX:StartFlightRecording} or {@code jcmd <pid> JFR.start} and read with
 * {@code jfr print --categories jasyncio <file>}.
 */
public final class JfrExample {
    private JfrExample() {
    }

    /**
     * Runs the example.
     *
     * @param args an optional path to keep the recording at
     * @throws RuntimeException if the recording cannot be written or read
     */
    public static void main(String[] args) {
        try {
            Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("jasyncio", ".jfr");
            try (Recording recording = new Recording();
                    EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withSlowCallbackDuration(0.05))) {
                recording.start(); // from now on the loop carries the JFR interceptor
                Watchdog.install(loop, Duration.ofMillis(100)).setLogging(false);
                loop.callSoon(() -> pause(80)); // slow: over 50 ms
                loop.callSoon(() -> pause(300)); // a stall: over 100 ms
                loop.runUntilComplete(loop.createTask(() -> Asyncio.sleep(0.05, "done")));
                recording.stop();
                recording.dump(file);
            }
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (e.getEventType().getName().startsWith("io.jasyncio.")) {
                    String text = e.toString();
                    int stack = text.indexOf("  stack = ");
                    // the stack field is long: show its first line
                    System.out.print(stack < 0 ? text : text.substring(0, text.indexOf('\n', stack)) + " ...\n}\n");
                }
            }
            if (args.length == 0) {
                Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
