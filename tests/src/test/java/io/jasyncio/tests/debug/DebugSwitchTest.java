/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.LoopOptions;
import io.jasyncio.debug.NeverAwaitedCheck;
import io.jasyncio.debug.NeverRetrievedCheck;
import io.jasyncio.debug.PendingTaskCheck;
import io.jasyncio.debug.SlowCallbackCheck;
import io.jasyncio.debug.SlowPollCheck;
import io.jasyncio.debug.UnclosedResourceCheck;
import io.jasyncio.spi.LoopInterceptor;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The switch: {@code setDebug}, {@code -Djasyncio.debug=true} and {@code JASYNCIO_DEBUG}, and the checks it installs
 * and removes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DebugSwitchTest {
    private static final List<Class<?>> CHECKS = List.of(SlowCallbackCheck.class, SlowPollCheck.class,
            NeverAwaitedCheck.class, NeverRetrievedCheck.class, PendingTaskCheck.class, UnclosedResourceCheck.class);

    private static boolean hasEveryCheck(EventLoop loop) {
        List<LoopInterceptor> installed = loop.getInterceptors();
        return CHECKS.stream().allMatch(c -> installed.stream().anyMatch(c::isInstance));
    }

    private static boolean hasNoCheck(EventLoop loop) {
        return loop.getInterceptors().stream().noneMatch(i -> CHECKS.stream().anyMatch(c -> c.isInstance(i)));
    }

    @Test
    void testSetDebugInstallsAndRemovesTheChecks() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(false))) {
            assertFalse(loop.getDebug());
            assertTrue(hasNoCheck(loop));
            loop.setDebug(true);
            assertTrue(loop.getDebug());
            assertTrue(hasEveryCheck(loop), loop.getInterceptors().toString());
            loop.setDebug(true);
            assertEquals(CHECKS.size(), loop.getInterceptors().stream()
                    .filter(i -> CHECKS.stream().anyMatch(c -> c.isInstance(i))).count(), "installed once");
            loop.setDebug(false);
            assertTrue(hasNoCheck(loop));
        }
    }

    @Test
    void testDebugOptionInstallsTheChecksAtCreation() {
        try (io.jasyncio.tests.LogCapture capture = new io.jasyncio.tests.LogCapture();
                EventLoop loop = Asyncio.newEventLoop(LoopOptions.defaults().withDebug(true))) {
            assertTrue(loop.getDebug());
            assertTrue(hasEveryCheck(loop));
            // Only without jasyncio-debug on the class path does debug mode say that no check is installed.
            assertFalse(capture.text().contains("no checks are installed"), capture.text());
        }
    }

    @Test
    void testSystemProperty() {
        String saved = System.getProperty("jasyncio.debug");
        try {
            System.setProperty("jasyncio.debug", "true");
            assertTrue(LoopOptions.debugFromEnvironment() || System.getenv("JASYNCIO_DEBUG") != null);
            try (EventLoop loop = Asyncio.newEventLoop()) {
                assertTrue(loop.getDebug());
                assertTrue(hasEveryCheck(loop));
            }
            System.setProperty("jasyncio.debug", "false");
            if (System.getenv("JASYNCIO_DEBUG") == null) {
                assertFalse(LoopOptions.debugFromEnvironment());
                try (EventLoop loop = Asyncio.newEventLoop()) {
                    assertFalse(loop.getDebug());
                    assertTrue(hasNoCheck(loop));
                }
            }
        } finally {
            if (saved == null) {
                System.clearProperty("jasyncio.debug");
            } else {
                System.setProperty("jasyncio.debug", saved);
            }
        }
    }

    /** JASYNCIO_DEBUG is read from the environment: checked in a child JVM with it set to 1, 0 and empty. */
    @Test
    void testEnvironmentVariable() throws Exception {
        assertEquals("true", childDebug("1"));
        assertEquals("false", childDebug("0"));
        assertEquals("false", childDebug(""));
    }

    private static String childDebug(String value) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DebugFromEnvironment.class.getName());
        pb.environment().put("JASYNCIO_DEBUG", value);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The child JVM's program: prints whether new loops start in debug mode. */
    public static final class DebugFromEnvironment {
        public static void main(String[] args) {
            System.out.println(LoopOptions.defaults().debug());
        }
    }
}
