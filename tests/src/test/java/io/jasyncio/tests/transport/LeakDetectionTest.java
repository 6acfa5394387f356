/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.tests.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The leak check that every network test class runs after itself ({@link NettyLeaks}) catches a buffer dropped
 * without its release: the report names the buffer and where it was last touched, and the check fails the test class
 * it follows.
 * The leak here is taken back by the test, so it does not fail the build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LeakDetectionTest {

    /** Allocates a buffer, writes to it and drops it unreleased. */
    private static void leakOneBuffer() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        buf.writeBytes(new byte[] {1, 2, 3});
        buf.touch("dropped by LeakDetectionTest");
    }

    /** Checks until the leak is reported (a collection may miss a buffer the JIT kept alive a little longer). */
    private static List<String> reportsOfTheLeak() {
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < 20 && reports.isEmpty(); i++) {
            reports.addAll(NettyLeaks.check());
        }
        return reports;
    }

    @Test
    void testDroppedBufferIsReported() {
        assumeTrue(ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID,
                "the network suites run with -Dio.netty.leakDetection.level=paranoid");
        assertEquals(List.of(), NettyLeaks.check(), "no leak before");
        leakOneBuffer();
        List<String> reports = reportsOfTheLeak();
        assertEquals(1, reports.size(), "one report: " + reports);
        String report = reports.get(0);
        assertTrue(report.startsWith("LEAK: ByteBuf.release() was not called"), report);
        assertTrue(report.contains("dropped by LeakDetectionTest"), "the touch hint is recorded: " + report);
        assertTrue(report.contains("leakOneBuffer"), "the allocation's stack is recorded: " + report);
    }

    @Test
    void testLeakFailsTheTestClassItFollows() {
        assumeTrue(ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID,
                "the network suites run with -Dio.netty.leakDetection.level=paranoid");
        assertEquals(List.of(), NettyLeaks.check(), "no leak before");
        ExtensionContext context = (ExtensionContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDisplayName")) {
                        return "LeakingTest";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        AssertionError failure = null;
        leakOneBuffer();
        for (int i = 0; i < 20 && failure == null; i++) {
            failure = assertThrowsOrNull(() -> new NettyLeaks().afterAll(context));
        }
        assertTrue(failure != null, "the check failed the leaking class");
        assertTrue(failure.getMessage().startsWith("1 Netty resource leak(s) reported during or after LeakingTest"),
                failure.getMessage());
    }

    private static AssertionError assertThrowsOrNull(Runnable check) {
        try {
            check.run();
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }
}
