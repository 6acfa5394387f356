/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.internal;

import io.jasyncio.Future;
import java.util.function.BiConsumer;

/**
 * What the loops may do to a {@link Future} that the public API does not offer: follow a returned future for the
 * debug checks. {@code Future} hands its implementation over when its class is initialized (the JDK's
 * {@code SharedSecrets} pattern), so nothing of it is public.
 */
public final class FutureAccess {
    // Threading: written once, by Future's static initializer, which happens before any future exists.
    private static BiConsumer<Future<?>, String> follow;

    private FutureAccess() {
    }

    /**
     * Called once by {@code Future}'s static initializer.
     *
     * @param action what {@link #followAwaited} does
     */
    public static void set(BiConsumer<Future<?>, String> action) {
        if (follow != null) {
            throw new IllegalStateException("already set");
        }
        follow = action;
    }

    /**
     * Marks a future returned by an {@code async def} method of the loop, so that in debug mode a future nobody awaits,
     * reads or adds a callback to is reported when it is collected. Does nothing unless the loop has debug checks.
     *
     * @param future the future about to be returned
     * @param operation the method's name, for example {@code "createServer"}
     * @param <F> the future's type
     * @return {@code future}
     */
    public static <F extends Future<?>> F followAwaited(F future, String operation) {
        follow.accept(future, operation);
        return future;
    }
}
