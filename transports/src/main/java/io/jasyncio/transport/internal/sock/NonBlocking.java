/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.transport.internal.sock;

import io.jasyncio.internal.BaseEventLoop;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * Puts an adopted descriptor in non-blocking mode, as asyncio's {@code sock.setblocking(False)} does: a socket that
 * systemd passes is blocking unless its unit says {@code NonBlocking=yes}, and Netty's epoll channels assume
 * non-blocking descriptors (a blocking accept would stop the loop). Neither Netty nor the JDK offers
 * {@code fcntl(2)}, so it is called through the JDK's foreign function API, looked up reflectively because the project
 * compiles for Java 21, where that API is still a preview; it needs native access
 * ({@code --enable-native-access=ALL-UNNAMED}, which the launcher passes for Netty anyway). Where it is missing, an
 * adopted descriptor is left as it is, with a warning. The TCP transports also ask it, through {@link #trySet}, to
 * make io_uring's accepted sockets non-blocking, so that they can be written to at once; there a failure only means
 * the queued path.
 */
public final class NonBlocking {
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 04000;
    /** {@code int fcntl(int, int, ...)} with one {@code int} variadic argument, or {@code null}. */
    private static final MethodHandle FCNTL;
    private static final Throwable UNAVAILABLE;

    static {
        MethodHandle handle = null;
        Throwable cause = null;
        try {
            handle = lookupFcntl();
        } catch (Throwable t) { // no foreign function API, no native access, no fcntl symbol
            cause = t;
        }
        FCNTL = handle;
        UNAVAILABLE = cause;
    }

    private NonBlocking() {
    }

    private static MethodHandle lookupFcntl() throws ReflectiveOperationException {
        Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
        Class<?> lookupClass = Class.forName("java.lang.foreign.SymbolLookup");
        Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
        Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
        Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
        Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
        Optional<?> symbol = (Optional<?>) lookupClass.getMethod("find", String.class).invoke(lookup, "fcntl");
        Object jint = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
        Object args = Array.newInstance(layoutClass, 3);
        for (int i = 0; i < 3; i++) {
            Array.set(args, i, jint);
        }
        Object descriptor = descriptorClass.getMethod("of", layoutClass, args.getClass()).invoke(null, jint, args);
        Object options = Array.newInstance(optionClass, 1);
        Array.set(options, 0, optionClass.getMethod("firstVariadicArg", int.class).invoke(null, 2));
        return (MethodHandle) linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass,
                options.getClass()).invoke(linker, symbol.orElseThrow(), descriptor, options);
    }

    /**
     * Sets {@code O_NONBLOCK} on a descriptor, if it is not set.
     *
     * @param fd the descriptor
     * @throws IOException if {@code fcntl} fails
     */
    static void set(int fd) throws IOException {
        if (FCNTL == null) {
            BaseEventLoop.LOGGER.warn("cannot make file descriptor {} non-blocking (it must be already): {}", fd,
                    String.valueOf(UNAVAILABLE));
            return;
        }
        try {
            int flags = (int) FCNTL.invokeExact(fd, F_GETFL, 0);
            if (flags < 0) {
                throw new IOException("fcntl(" + fd + ", F_GETFL) failed");
            }
            if ((flags & O_NONBLOCK) == 0 && (int) FCNTL.invokeExact(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
                throw new IOException("fcntl(" + fd + ", F_SETFL, O_NONBLOCK) failed");
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    /**
     * Sets {@code O_NONBLOCK} on a descriptor if it can, quietly.
     *
     * @param fd the descriptor
     * @return whether the descriptor is non-blocking now: {@code false} when {@code fcntl} is out of reach or failed
     */
    public static boolean trySet(int fd) {
        if (FCNTL == null) {
            return false;
        }
        try {
            set(fd);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether a descriptor is in non-blocking mode; {@code true} when this cannot be told.
     *
     * @param fd the descriptor
     * @return whether {@code O_NONBLOCK} is set
     */
    static boolean isSet(int fd) {
        if (FCNTL == null) {
            return true;
        }
        try {
            int flags = (int) FCNTL.invokeExact(fd, F_GETFL, 0);
            return flags < 0 || (flags & O_NONBLOCK) != 0;
        } catch (Throwable t) {
            return true;
        }
    }
}
