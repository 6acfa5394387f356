/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import io.jasyncio.internal.CreationSites;

/**
 * A pending future's or task's {@code toString} as it was when taken, rendered only when read: debug mode takes one
 * after each step of a task for the report of a task destroyed pending, which almost never comes, so the step pays for
 * one small object, not for the text. It keeps the callbacks' classes and the creation site, never a callback, the
 * future or the coroutine, any of which may hold the task: the report needs the task to be collectable.
 */
final class PendingRepr {
    /** The future's class ({@code Task} for any task), named by its simple name only when rendered. */
    private final Class<?> type;
    private final String taskName;
    /** The coroutine's class, or a coroutine object's text; {@code null} for a plain future. */
    private final Object coro;
    /** What the task waits on: a {@code PendingRepr} or a text; {@code null} if nothing. */
    private final Object waitFor;
    /** The first and the last callbacks, as {@link #describable(Object)} keeps them, and how many there are. */
    private final Object firstCallback;
    private final Object lastCallback;
    private final int callbacks;
    /** Where the future or task was made; {@code null} if not recorded. */
    private final CreationSites.Site site;

    PendingRepr(Class<?> type, String taskName, Object coro, Object waitFor, Object firstCallback, Object lastCallback,
            int callbacks, CreationSites.Site site) {
        this.type = type;
        this.taskName = taskName;
        this.coro = coro;
        this.waitFor = waitFor;
        this.firstCallback = firstCallback;
        this.lastCallback = lastCallback;
        this.callbacks = callbacks;
        this.site = site;
    }

    /**
     * What {@link Handle#describe(Object)} needs of an object, without holding it: its class, or the text of a
     * coroutine object.
     *
     * @param o a callback or a coroutine, or {@code null}
     * @return its class, its text, or {@code null}
     */
    static Object describable(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof io.jasyncio.internal.CoroutineObject<?> c ? c.toString() : o.getClass();
    }

    private static String describe(Object describable) {
        if (describable instanceof String s) {
            return s;
        }
        String name = ((Class<?>) describable).getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "lambda in " + name.substring(0, lambda);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<").append(type.getSimpleName()).append(" pending");
        if (coro != null) {
            sb.append(" name='").append(taskName).append("' coro=").append(describe(coro));
            if (waitFor != null) {
                sb.append(" wait_for=").append(waitFor);
            }
        }
        if (callbacks > 0) {
            sb.append(" cb=[").append(describe(firstCallback));
            if (callbacks > 2) {
                sb.append(", <").append(callbacks - 2).append(" more>");
            }
            if (callbacks > 1) {
                sb.append(", ").append(describe(lastCallback));
            }
            sb.append(']');
        }
        if (site != null) {
            sb.append(site.suffix());
        }
        return sb.append('>').toString();
    }
}
