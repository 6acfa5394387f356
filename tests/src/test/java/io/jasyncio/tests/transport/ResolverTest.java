/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jasyncio.AddrInfo;
import io.jasyncio.Errno;
import io.jasyncio.Future;
import io.jasyncio.GaiError;
import io.jasyncio.NameInfo;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code loop.getaddrinfo} and {@code loop.getnameinfo}: resolved in the default executor (ports of CPython's
 * test_asyncio/test_base_events.py BaseEventLoopTests.test_getnameinfo and the getaddrinfo cases of
 * test_base_events.py), answers shaped as Linux's {@code getaddrinfo}. No test needs a DNS server: literal addresses,
 * {@code localhost} and the flags that avoid lookups.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResolverTest extends NetTestBase {

    /** Port of test_base_events.py test_getnameinfo: the lookup runs in the default executor, off the loop. */
    @Test
    void testGetnameinfo() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "resolver-under-test");
            t.setDaemon(true);
            return t;
        });
        loop.setDefaultExecutor(new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable command) {
                executor.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    command.run();
                });
            }

            @Override
            public void shutdown() {
                executor.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return executor.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return executor.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return executor.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return executor.awaitTermination(timeout, unit);
            }
        });
        Future<NameInfo> f = loop.getnameinfo(new InetSocketAddress("127.0.0.1", 80), NameInfo.NI_NUMERICHOST);
        assertFalse(f.done());
        NameInfo info = loop.runUntilComplete(f);
        assertEquals(new NameInfo("127.0.0.1", "80"), info);
        assertEquals(Set.of("resolver-under-test"), threads);
        Future<List<AddrInfo>> g = loop.getaddrinfo("127.0.0.1", 80);
        assertFalse(g.done());
        loop.runUntilComplete(g);
    }

    /** A literal IPv4 address: one stream and one datagram answer, as glibc gives them. */
    @Test
    void testGetaddrinfoNumeric() {
        List<AddrInfo> infos = loop.runUntilComplete(loop.getaddrinfo("127.0.0.1", 8080));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", 8080);
        assertEquals(List.of(
                new AddrInfo(AddrInfo.AF_INET, AddrInfo.SOCK_STREAM, AddrInfo.IPPROTO_TCP, "", address),
                new AddrInfo(AddrInfo.AF_INET, AddrInfo.SOCK_DGRAM, AddrInfo.IPPROTO_UDP, "", address)), infos);
    }

    /** type and proto select the answers. */
    @Test
    void testGetaddrinfoTypeAndProto() {
        List<AddrInfo> stream = loop.runUntilComplete(loop.getaddrinfo("::1", 53, AddrInfo.AF_UNSPEC,
                AddrInfo.SOCK_STREAM, 0, 0));
        assertEquals(1, stream.size());
        assertEquals(AddrInfo.AF_INET6, stream.get(0).family());
        assertEquals(AddrInfo.IPPROTO_TCP, stream.get(0).proto());
        List<AddrInfo> udp = loop.runUntilComplete(loop.getaddrinfo("::1", 53, AddrInfo.AF_UNSPEC, 0,
                AddrInfo.IPPROTO_UDP, 0));
        assertEquals(1, udp.size());
        assertEquals(AddrInfo.SOCK_DGRAM, udp.get(0).type());
    }

    /** An address of another family than asked for does not resolve: gaierror. */
    @Test
    void testGetaddrinfoFamilyMismatch() {
        GaiError e = assertThrows(GaiError.class, () -> loop.runUntilComplete(loop.getaddrinfo("::1", 80,
                AddrInfo.AF_INET, 0, 0, 0)));
        assertEquals(Errno.EAI_NONAME, e.errno());
    }

    /** AI_NUMERICHOST refuses a name without looking it up. */
    @Test
    void testGetaddrinfoNumericHostFlag() {
        assertThrows(GaiError.class, () -> loop.runUntilComplete(loop.getaddrinfo("localhost", 80,
                AddrInfo.AF_UNSPEC, 0, 0, AddrInfo.AI_NUMERICHOST)));
        List<AddrInfo> infos = loop.runUntilComplete(loop.getaddrinfo("10.1.2.3", 80, AddrInfo.AF_UNSPEC,
                AddrInfo.SOCK_STREAM, 0, AddrInfo.AI_NUMERICHOST | AddrInfo.AI_CANONNAME));
        assertEquals("10.1.2.3", infos.get(0).canonname());
    }

    /** No host: the loopback addresses, or with AI_PASSIVE the wildcard ones. */
    @Test
    void testGetaddrinfoNoHost() {
        Set<String> loopback = loop.runUntilComplete(loop.getaddrinfo(null, 80, AddrInfo.AF_UNSPEC,
                AddrInfo.SOCK_STREAM, 0, 0)).stream().map(i -> i.sockaddr().getAddress().getHostAddress())
                .collect(Collectors.toSet());
        assertTrue(loopback.contains("127.0.0.1"), loopback.toString());
        List<AddrInfo> passive = loop.runUntilComplete(loop.getaddrinfo(null, 80, AddrInfo.AF_INET,
                AddrInfo.SOCK_STREAM, 0, AddrInfo.AI_PASSIVE));
        assertEquals(1, passive.size());
        assertTrue(passive.get(0).sockaddr().getAddress().isAnyLocalAddress());
    }

    /** localhost resolves (from the hosts file) to a loopback address. */
    @Test
    void testGetaddrinfoLocalhost() {
        List<AddrInfo> infos = loop.runUntilComplete(loop.getaddrinfo("localhost", 80));
        assertFalse(infos.isEmpty());
        assertTrue(infos.stream().allMatch(i -> i.sockaddr().getAddress().isLoopbackAddress()), infos.toString());
    }

    /** Unsupported family or type: gaierror, as getaddrinfo gives. */
    @Test
    void testGetaddrinfoBadFamilyOrType() {
        assertThrows(GaiError.class, () -> loop.runUntilComplete(loop.getaddrinfo("127.0.0.1", 80, 99, 0, 0, 0)));
        assertThrows(GaiError.class, () -> loop.runUntilComplete(loop.getaddrinfo("127.0.0.1", 80, 0, 99, 0, 0)));
    }

    /** getnameinfo: numeric IPv6 in the short form, a name for a named address, NI_NAMEREQD without one. */
    @Test
    void testGetnameinfoFlags() {
        assertEquals(new NameInfo("::1", "443"), loop.runUntilComplete(loop.getnameinfo(
                new InetSocketAddress("::1", 443), NameInfo.NI_NUMERICHOST | NameInfo.NI_NUMERICSERV)));
        NameInfo named = loop.runUntilComplete(loop.getnameinfo(new InetSocketAddress("127.0.0.1", 22), 0));
        assertEquals("22", named.port());
        assertFalse(named.host().isEmpty());
        // 192.0.2.0/24 is TEST-NET-1: no reverse name is expected there
        NameInfo unnamed = loop.runUntilComplete(loop.getnameinfo(new InetSocketAddress("192.0.2.1", 7), 0));
        if (unnamed.host().equals("192.0.2.1")) {
            assertThrows(GaiError.class, () -> loop.runUntilComplete(loop.getnameinfo(
                    new InetSocketAddress("192.0.2.1", 7), NameInfo.NI_NAMEREQD)));
        }
    }

    /** A closed loop refuses: asyncio's RuntimeError. */
    @Test
    void testGetaddrinfoOnClosedLoop() {
        io.jasyncio.EventLoop other = io.jasyncio.Asyncio.newEventLoop(options());
        other.close();
        assertThrows(IllegalStateException.class, () -> other.getaddrinfo("127.0.0.1", 80));
    }
}
