/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport;

import io.jasyncio.EventLoop;
import io.jasyncio.transport.internal.TransportLoop;
import java.util.Locale;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the I/O backend: the one asked for by name, else the platform's native transport where its library loads
 * (epoll on Linux, kqueue on macOS), else NIO. The first choice is logged once, with the reason when the native
 * transport is missing.
 *
 * <p>The default is {@link #select(String, Predicate)}, a pure function of the operating system and of which
 * backends load, so that it can be tested for any platform on any platform.
 * {@code io.jasyncio:jasyncio} carries Netty's native libraries for Linux x86-64 and aarch64 (epoll, io_uring) and for
 * macOS x86-64 and aarch64 (kqueue); on another platform a native library added by hand is used when it loads.
 */
public final class Transports {
    private static final Logger LOGGER = LoggerFactory.getLogger("asyncio");
    private static volatile boolean logged;

    private Transports() {
    }

    /**
     * The best backend available here.
     *
     * @return the platform's native backend if its library loads, else {@link TransportKind#NIO}
     */
    public static TransportKind kind() {
        return select(System.getProperty("os.name", ""), TransportKind::isAvailable);
    }

    /**
     * The default backend of a platform.
     *
     * @param osName the operating system, as the {@code os.name} property gives it ({@code Linux}, {@code Mac OS X})
     * @param available which backends can run here: asked only of the platform's native one, whose library loads or
     *     not for this architecture
     * @return {@link TransportKind#EPOLL} on Linux and {@link TransportKind#KQUEUE} on macOS when available, else
     *     {@link TransportKind#NIO}
     */
    public static TransportKind select(String osName, Predicate<TransportKind> available) {
        TransportKind nativeKind = nativeKind(osName);
        return nativeKind != null && available.test(nativeKind) ? nativeKind : TransportKind.NIO;
    }

    /**
     * The native backend Netty has for an operating system, whether or not its library loads here.
     *
     * @param osName the operating system, as the {@code os.name} property gives it
     * @return {@link TransportKind#EPOLL} on Linux, {@link TransportKind#KQUEUE} on macOS, else {@code null}
     */
    public static TransportKind nativeKind(String osName) {
        String os = osName.toLowerCase(Locale.ROOT).replace(" ", "");
        if (os.startsWith("linux")) {
            return TransportKind.EPOLL;
        }
        if (os.startsWith("macosx") || os.startsWith("osx") || os.startsWith("darwin")) {
            return TransportKind.KQUEUE;
        }
        return null;
    }

    /**
     * The platform in the form of Netty's native classifiers, e.g. {@code linux-x86_64} or {@code osx-aarch_64}.
     *
     * @param osName the operating system, as the {@code os.name} property gives it
     * @param osArch the architecture, as the {@code os.arch} property gives it
     * @return the classifier; for a platform Netty ships nothing for, the normalized names all the same
     */
    public static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT).replace(" ", "");
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = nativeKind(osName) == TransportKind.KQUEUE ? "osx" : os.startsWith("linux") ? "linux" : os;
        String a = switch (arch) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> arch;
        };
        return o + "-" + a;
    }

    /**
     * Why the platform's native backend is not available.
     *
     * @return the original error, or {@code null} when it is available
     */
    public static Throwable unavailabilityCause() {
        TransportKind nativeKind = nativeKind(System.getProperty("os.name", ""));
        if (nativeKind == null) {
            return new UnsupportedOperationException("Netty has no native transport for "
                    + platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")));
        }
        return nativeKind.unavailabilityCause();
    }

    /**
     * The backend for a requested name.
     *
     * @param name {@code epoll}, {@code io_uring}, {@code kqueue}, {@code nio}, or {@code null}/empty for the best
     *     available
     * @return the kind
     * @throws IllegalArgumentException for an unknown name
     * @throws IllegalStateException if the named backend cannot run here, with the cause
     */
    public static TransportKind choose(String name) {
        boolean byDefault = name == null || name.isBlank();
        TransportKind kind = byDefault ? kind() : TransportKind.of(name);
        if (!kind.isAvailable()) {
            throw new IllegalStateException("transport " + kind + " is not available here", kind.unavailabilityCause());
        }
        if (!logged) {
            logged = true;
            if (kind == TransportKind.NIO && byDefault) {
                LOGGER.info("jasyncio transport: NIO (no native transport on {}: {})",
                        platform(System.getProperty("os.name", ""), System.getProperty("os.arch", "")),
                        String.valueOf(unavailabilityCause()));
            } else {
                LOGGER.info("jasyncio transport: {}", kind);
            }
        }
        return kind;
    }

    /**
     * The backend a loop runs on.
     *
     * @param loop a loop made by {@code Asyncio.newEventLoop} or {@code Asyncio.run}
     * @return its kind
     * @throws IllegalArgumentException if the loop does not run on Netty's transports
     */
    public static TransportKind of(EventLoop loop) {
        if (loop instanceof TransportLoop t) {
            return t.transportKind();
        }
        throw new IllegalArgumentException("the loop does not run on Netty's transports: " + loop);
    }
}
