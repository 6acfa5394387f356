/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jasyncio.transport.TransportKind;
import io.jasyncio.transport.Transports;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The default backend for each platform, with the platform faked: the operating system's name and which backends
 * load. Only what this machine runs is exercised for real ({@link #testThisMachine()}).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransportSelectionTest {
    private static final Set<TransportKind> ALL = EnumSet.allOf(TransportKind.class);

    /** A fake availability: the given kinds load; records which kinds were asked about. */
    private static final class Loads implements Predicate<TransportKind> {
        final Set<TransportKind> loads;
        final List<TransportKind> asked = new ArrayList<>();

        Loads(Set<TransportKind> loads) {
            this.loads = loads;
        }

        @Override
        public boolean test(TransportKind kind) {
            asked.add(kind);
            return loads.contains(kind);
        }
    }

    @Test
    void testLinuxPrefersEpoll() {
        assertEquals(TransportKind.EPOLL, Transports.select("Linux", new Loads(ALL)));
    }

    @Test
    void testLinuxWithoutTheEpollLibraryFallsBackToNio() {
        Loads loads = new Loads(EnumSet.of(TransportKind.IO_URING, TransportKind.KQUEUE, TransportKind.NIO));
        assertEquals(TransportKind.NIO, Transports.select("Linux", loads));
        assertEquals(List.of(TransportKind.EPOLL), loads.asked, "io_uring is chosen only by name");
    }

    @Test
    void testMacOsPrefersKqueue() {
        assertEquals(TransportKind.KQUEUE, Transports.select("Mac OS X", new Loads(ALL)));
        assertEquals(TransportKind.KQUEUE, Transports.select("Darwin", new Loads(ALL)));
    }

    @Test
    void testMacOsWithoutTheKqueueLibraryFallsBackToNio() {
        Loads loads = new Loads(EnumSet.of(TransportKind.EPOLL, TransportKind.NIO));
        assertEquals(TransportKind.NIO, Transports.select("Mac OS X", loads));
        assertEquals(List.of(TransportKind.KQUEUE), loads.asked);
    }

    @Test
    void testOtherSystemsUseNioWithoutAskingAnyNativeLibrary() {
        for (String os : List.of("Windows 11", "FreeBSD", "SunOS", "AIX", "")) {
            Loads loads = new Loads(ALL);
            assertEquals(TransportKind.NIO, Transports.select(os, loads), os);
            assertEquals(List.of(), loads.asked, os);
            assertNull(Transports.nativeKind(os), os);
        }
    }

    @Test
    void testPlatformNamesAreNettyClassifiers() {
        assertEquals("linux-x86_64", Transports.platform("Linux", "amd64"));
        assertEquals("linux-aarch_64", Transports.platform("Linux", "aarch64"));
        assertEquals("osx-x86_64", Transports.platform("Mac OS X", "x86_64"));
        assertEquals("osx-aarch_64", Transports.platform("Mac OS X", "aarch64"));
        assertEquals("linux-riscv64", Transports.platform("Linux", "riscv64"));
    }

    @Test
    void testKqueueByName() {
        assertEquals(TransportKind.KQUEUE, TransportKind.of("kqueue"));
        assertEquals(TransportKind.KQUEUE, TransportKind.of(" KQueue "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransportKind.of("select"));
        assertTrue(e.getMessage().contains("kqueue"), e.getMessage());
    }

    @Test
    void testKqueueIsUnavailableOffMacOs() {
        assumeTrue(Transports.nativeKind(System.getProperty("os.name")) != TransportKind.KQUEUE, "on macOS");
        assertEquals(false, TransportKind.KQUEUE.isAvailable());
        assertTrue(TransportKind.KQUEUE.unavailabilityCause() != null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Transports.choose("kqueue"));
        assertTrue(e.getMessage().contains("KQUEUE is not available"), e.getMessage());
    }

    /** The one platform exercised for real: Linux x86-64, where io.jasyncio:jasyncio's epoll library loads. */
    @Test
    void testThisMachine() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        assumeTrue(Transports.platform(os, arch).equals("linux-x86_64"), "not Linux x86-64");
        assertTrue(TransportKind.EPOLL.isAvailable(), () -> "epoll: " + TransportKind.EPOLL.unavailabilityCause());
        assertEquals(TransportKind.EPOLL, Transports.kind());
        assertNull(Transports.unavailabilityCause());
    }
}
