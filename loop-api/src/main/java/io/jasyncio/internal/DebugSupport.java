/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * A loop's debug plumbing: the interceptor providers found on the class path, those installed at creation, and the
 * debug-only ones that {@code setDebug(true)} installs and {@code setDebug(false)} removes. A provider that fails to
 * load or to make its interceptor is logged to the {@code asyncio} logger and skipped: it never stops a loop from
 * being made.
 *
 * <p>Threading: as {@code setDebug}, the thread that owns the loop.
 */
final class DebugSupport {
    /** The interceptor providers on the class path, found once. */
    private static final List<LoopInterceptorProvider> PROVIDERS = load();

    /** What a loop in debug mode says, once per JVM, when no debug-only provider is on the class path. */
    static final String NO_CHECKS = "debug mode is on but no checks are installed: add jasyncio-debug";

    /** Whether {@link #NO_CHECKS} was said. */
    private static final java.util.concurrent.atomic.AtomicBoolean NO_CHECKS_SAID =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** The debug-only providers' interceptors for what happens outside any loop; made on first use. */
    private static volatile List<LoopInterceptor> detached;

    private final BaseEventLoop loop;
    /** The debug-only interceptors installed by setDebug(true), to remove on setDebug(false). */
    private final List<LoopInterceptor> debugInterceptors = new ArrayList<>();

    DebugSupport(BaseEventLoop loop) {
        this.loop = loop;
    }

    private static List<LoopInterceptorProvider> load() {
        List<LoopInterceptorProvider> found = new ArrayList<>();
        var it = ServiceLoader.load(LoopInterceptorProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                BaseEventLoop.LOGGER.error("Interceptor provider skipped: it failed to load", e);
            }
        }
        return List.copyOf(found);
    }

    /**
     * The interceptors for what happens outside any loop, while debug mode is on by default (the environment or the
     * system property, read at each call).
     *
     * @return the interceptors, empty when debug mode is off by default
     */
    static List<LoopInterceptor> detached() {
        if (!io.jasyncio.LoopOptions.debugFromEnvironment()) {
            return List.of();
        }
        List<LoopInterceptor> d = detached;
        if (d == null) {
            List<LoopInterceptor> made = new ArrayList<>();
            for (LoopInterceptorProvider provider : PROVIDERS) {
                if (provider.debugOnly()) {
                    try {
                        LoopInterceptor interceptor = provider.createDetached();
                        if (interceptor != null) {
                            made.add(interceptor);
                        }
                    } catch (Throwable t) {
                        FatalErrors.rethrowIfFatal(t);
                        BaseEventLoop.LOGGER.error("Interceptor provider {} failed outside a loop and was skipped",
                                provider, t);
                    }
                }
            }
            d = List.copyOf(made);
            detached = d;
        }
        return d;
    }

    /** Installs the interceptors of the providers that are not debug-only; the loop's constructor calls it. */
    void installAlways() {
        for (LoopInterceptorProvider provider : PROVIDERS) {
            if (!provider.debugOnly()) {
                LoopInterceptor interceptor = create(provider);
                if (interceptor != null) {
                    loop.addInterceptor(interceptor);
                }
            }
        }
    }

    /**
     * Installs or removes the debug-only interceptors.
     *
     * @param enabled the new debug mode
     */
    void setDebug(boolean enabled) {
        if (enabled) {
            warnIfNoChecks(PROVIDERS);
        }
        if (enabled && debugInterceptors.isEmpty()) {
            for (LoopInterceptorProvider provider : PROVIDERS) {
                if (provider.debugOnly()) {
                    LoopInterceptor interceptor = create(provider);
                    if (interceptor != null) {
                        debugInterceptors.add(interceptor);
                        loop.addInterceptor(interceptor);
                    }
                }
            }
        } else if (!enabled) {
            for (LoopInterceptor interceptor : debugInterceptors) {
                loop.removeInterceptor(interceptor);
            }
            debugInterceptors.clear();
        }
    }

    /**
     * Says {@link #NO_CHECKS} at WARN, once per JVM, when none of the providers is debug-only: debug mode then only
     * makes the loop's own checks (wrong thread, slow callbacks), none of {@code jasyncio-debug}'s.
     *
     * @param providers the providers found
     * @return whether this call said it
     */
    static boolean warnIfNoChecks(List<LoopInterceptorProvider> providers) {
        for (LoopInterceptorProvider provider : providers) {
            if (provider.debugOnly()) {
                return false;
            }
        }
        if (NO_CHECKS_SAID.compareAndSet(false, true)) {
            BaseEventLoop.LOGGER.warn(NO_CHECKS);
            return true;
        }
        return false;
    }

    private LoopInterceptor create(LoopInterceptorProvider provider) {
        try {
            return provider.create(loop);
        } catch (Throwable t) {
            FatalErrors.rethrowIfFatal(t);
            BaseEventLoop.LOGGER.error("Interceptor provider {} failed for {} and was skipped", provider, loop, t);
            return null;
        }
    }
}
