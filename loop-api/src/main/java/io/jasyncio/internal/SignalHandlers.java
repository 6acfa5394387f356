/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.EventLoop;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The loops' signal handlers, on the JDK's {@code sun.misc.Signal}: asyncio's {@code add_signal_handler} for every
 * loop of the process. A signal is the process's, so one JVM handler is installed per signal while at least one loop
 * has a callback for it, and the handler that was there before (the JVM's shutdown for SIGINT, SIGTERM and SIGHUP) is
 * put back when the last callback goes. The JVM runs a signal's handler on a thread of its own; from there each loop
 * with a callback for the signal gets it through {@code callSoonThreadsafe}, which wakes the loop and keeps the
 * callback in order with the loop's other callbacks. A loop's close removes its callbacks.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is reached through method handles, so that the build's
 * {@code -Werror} does not meet javac's warning about internal proprietary API, which no annotation can suppress.
 */
public final class SignalHandlers {
    private static final Object LOCK = new Object();
    /** Per signal number, while installed. Guarded by {@link #LOCK}. */
    private static final Map<Integer, Installed> INSTALLED = new HashMap<>();

    private static final Class<?> SIGNAL;
    private static final Class<?> HANDLER;
    private static final MethodHandle NEW_SIGNAL;
    private static final MethodHandle GET_NUMBER;
    private static final MethodHandle HANDLE;
    /** The one JVM handler, a {@code sun.misc.SignalHandler} that calls {@link #dispatch(int)}. */
    private static final Object DISPATCHER;

    static {
        try {
            SIGNAL = Class.forName("sun.misc.Signal");
            HANDLER = Class.forName("sun.misc.SignalHandler");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            NEW_SIGNAL = lookup.findConstructor(SIGNAL, MethodType.methodType(void.class, String.class));
            GET_NUMBER = lookup.findVirtual(SIGNAL, "getNumber", MethodType.methodType(int.class));
            HANDLE = lookup.findStatic(SIGNAL, "handle", MethodType.methodType(HANDLER, SIGNAL, HANDLER));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        DISPATCHER = Proxy.newProxyInstance(SignalHandlers.class.getClassLoader(), new Class<?>[] {HANDLER},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        dispatch((int) GET_NUMBER.invoke(args[0]));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "SignalHandlers.dispatch";
                });
    }

    private SignalHandlers() {
    }

    /** One installed JVM handler: what it replaced, and each loop's callback. */
    private static final class Installed {
        final Object signal;
        final Object previous;
        final Map<EventLoop, Runnable> callbacks = new IdentityHashMap<>();

        Installed(Object signal, Object previous) {
            this.signal = signal;
            this.previous = previous;
        }
    }

    /**
     * A signal's number on this platform.
     *
     * @param name the name without {@code SIG}, for example {@code HUP}
     * @return the number, or -1 if the platform has no such signal
     */
    public static int number(String name) {
        try {
            return (int) GET_NUMBER.invoke(NEW_SIGNAL.invoke(name));
        } catch (IllegalArgumentException unknown) {
            return -1;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets a loop's callback for a signal, replacing the one it had.
     *
     * @param loop the loop
     * @param number the signal's number
     * @param name the signal's name without {@code SIG}
     * @param callback the callback
     * @throws IllegalStateException "Event loop is closed"
     * @throws IllegalArgumentException "sig N cannot be caught", with why
     */
    public static void add(EventLoop loop, int number, String name, Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (LOCK) {
            // Under the lock: a close that marked the loop closed either is seen here, or removes this afterwards.
            if (loop.isClosed()) {
                throw new IllegalStateException("Event loop is closed");
            }
            Installed installed = INSTALLED.get(number);
            if (installed == null) {
                Object signal = newSignal(name);
                Object previous;
                try {
                    previous = handle(signal, DISPATCHER);
                } catch (IllegalArgumentException refused) {
                    throw new IllegalArgumentException("sig " + number + " cannot be caught: " + refused.getMessage(),
                            refused);
                }
                if (String.valueOf(previous).startsWith("jdk.internal.misc.Signal$NativeHandler")) {
                    handle(signal, previous);
                    throw new IllegalArgumentException("sig " + number + " cannot be caught: the JVM handles SIG"
                            + name + " itself");
                }
                installed = new Installed(signal, previous);
                INSTALLED.put(number, installed);
            }
            installed.callbacks.put(loop, callback);
        }
    }

    /**
     * Removes a loop's callback for a signal; the last one gone, the JVM's previous handler is back.
     *
     * @param loop the loop
     * @param number the signal's number
     * @return whether the loop had a callback for it
     */
    public static boolean remove(EventLoop loop, int number) {
        synchronized (LOCK) {
            Installed installed = INSTALLED.get(number);
            if (installed == null || installed.callbacks.remove(loop) == null) {
                return false;
            }
            if (installed.callbacks.isEmpty()) {
                INSTALLED.remove(number);
                handle(installed.signal, installed.previous);
            }
            return true;
        }
    }

    /**
     * Removes every callback of a loop; its close calls it.
     *
     * @param loop the loop
     */
    public static void removeAll(EventLoop loop) {
        synchronized (LOCK) {
            for (Integer number : new ArrayList<>(INSTALLED.keySet())) {
                remove(loop, number);
            }
        }
    }

    /** The JVM's signal thread: hands the signal to each loop with a callback for it. */
    private static void dispatch(int number) {
        List<Map.Entry<EventLoop, Runnable>> targets;
        synchronized (LOCK) {
            Installed installed = INSTALLED.get(number);
            if (installed == null) {
                return;
            }
            targets = new ArrayList<>(installed.callbacks.entrySet());
        }
        for (Map.Entry<EventLoop, Runnable> target : targets) {
            try {
                target.getKey().callSoonThreadsafe(target.getValue());
            } catch (IllegalStateException closed) {
                remove(target.getKey(), number);
            }
        }
    }

    private static Object newSignal(String name) {
        try {
            return NEW_SIGNAL.invoke(name);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object handle(Object signal, Object handler) {
        try {
            return HANDLE.invoke(signal, handler);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
