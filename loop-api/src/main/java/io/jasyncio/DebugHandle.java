/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.BaseEventLoop;
import io.jasyncio.internal.CreationSites;
import java.util.function.Consumer;

/**
 * A handle made by a loop in debug mode: it keeps where it was made (asyncio's {@code _source_traceback}) in a field
 * of its own, so that a plain handle stays 32 bytes and a debug one needs no side table. Shown as {@code Handle}.
 */
final class DebugHandle extends Handle {
    private final CreationSites.Site site;

    /**
     * Creates a handle that keeps its site; only loops create them (through {@code HandleAccess}).
     *
     * @param callback what to run
     * @param loop the loop it belongs to
     * @param site where it was made
     */
    DebugHandle(Runnable callback, BaseEventLoop loop, CreationSites.Site site) {
        super(callback, loop);
        this.site = site;
    }

    /**
     * Creates a handle with an argument that keeps its site; only loops create them (through {@code HandleAccess}).
     *
     * @param callback what to run
     * @param arg its argument
     * @param loop the loop it belongs to
     * @param site where it was made
     * @param <A> the argument's type
     */
    <A> DebugHandle(Consumer<? super A> callback, A arg, BaseEventLoop loop, CreationSites.Site site) {
        super(callback, arg, loop);
        this.site = site;
    }

    @Override
    CreationSites.Site site() {
        return site;
    }

    @Override
    String typeName() {
        return "Handle";
    }
}
