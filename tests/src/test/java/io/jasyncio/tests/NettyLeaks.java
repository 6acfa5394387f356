/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Netty's leak detector made to fail the test that leaks: registered for every test (JUnit's extension autodetection,
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}), it installs, before Netty makes its detectors,
 * a {@link ResourceLeakDetectorFactory} whose detectors keep each leak report (and still log it). After each test
 * class it collects garbage, has the buffers' detector look at what was collected (Netty looks only when it tracks a
 * new resource, so it allocates and releases one), and fails the class with every report that came; after each test
 * it fails the test with the reports Netty made by itself meanwhile. Each report holds Netty's records: where the
 * buffer was made and last touched, which names the test that leaked it.
 *
 * <p>The network suites run with {@code -Dio.netty.leakDetection.level=paranoid} (tests/pom.xml): every buffer is
 * tracked, with the stack of each access. At lower levels only what Netty reported by itself is checked, without the
 * collection. A collection after every test instead of every class ({@code -Djasyncio.test.leakCheck=each}) pins a
 * leak on its test, at about a quarter of a second per test.
 */
public final class NettyLeaks implements AfterEachCallback, AfterAllCallback {
    /** {@code each}: collect after every test, not only after every class. */
    private static final boolean EACH = "each".equals(System.getProperty("jasyncio.test.leakCheck"));
    private static final ConcurrentLinkedQueue<String> REPORTS = new ConcurrentLinkedQueue<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    /** Made by JUnit's extension autodetection. */
    public NettyLeaks() {
    }

    @Override
    public void afterEach(ExtensionContext context) {
        fail(EACH ? check() : taken(), context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        fail(check(), context);
    }

    private static void fail(List<String> leaks, ExtensionContext context) {
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " Netty resource leak(s) reported during or after "
                    + context.getDisplayName() + ":\n" + String.join("\n", leaks));
        }
    }

    /**
     * Collects garbage (at the paranoid and advanced levels), has the buffers' detector report what was collected
     * unreleased, and returns the reports since the last call, taking them.
     *
     * @return the leak reports, each Netty's message with its records
     */
    public static List<String> check() {
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        if (level == ResourceLeakDetector.Level.PARANOID || level == ResourceLeakDetector.Level.ADVANCED) {
            collect();
            // Each allocation makes the detector poll the references of the buffers collected since its last poll.
            ByteBufAllocator.DEFAULT.buffer(1).release();
            UnpooledByteBufAllocator.DEFAULT.heapBuffer(1).release();
        }
        return taken();
    }

    /** The reports made so far, taken. */
    private static List<String> taken() {
        List<String> leaks = new ArrayList<>();
        for (String r; (r = REPORTS.poll()) != null;) {
            leaks.add(r);
        }
        return leaks;
    }

    /** One collection, waited for until the references it cleared are enqueued (a sentinel's is). */
    private static void collect() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                if (queue.remove(100) != null) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        sentinel.clear();
    }

    /** Makes detectors that keep their reports. */
    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    /** Netty's detector, which also keeps each report for the test to fail on. */
    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            REPORTS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected."
                    + records);
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            REPORTS.add("LEAK: " + resourceType + ".release() was not called before it was garbage-collected"
                    + " (no records: run with -Dio.netty.leakDetection.level=paranoid)");
            super.reportUntracedLeak(resourceType);
        }
    }
}
