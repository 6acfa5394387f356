/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an exception handler is told: asyncio's context dict, with its keys, immutable.
 *
 * <p>Keys in use: {@code message} (always), {@code exception}, {@code handle}, {@code future}, {@code task},
 * {@code transport}, {@code protocol}, {@code socket}, {@code asyncgen}, {@code source_traceback}, {@code context}.
 *
 * @asyncio the context dict of loop.call_exception_handler(context)
 */
public final class ExceptionContext {
    /** Key of the message, always present. */
    public static final String MESSAGE = "message";
    /** Key of the exception, if any. */
    public static final String EXCEPTION = "exception";
    /** Key of the {@link Handle} whose callback failed. */
    public static final String HANDLE = "handle";
    /** Key of the {@link Future} concerned. */
    public static final String FUTURE = "future";
    /** Key of the task concerned. */
    public static final String TASK = "task";
    /** Key of the transport concerned. */
    public static final String TRANSPORT = "transport";
    /** Key of the protocol concerned. */
    public static final String PROTOCOL = "protocol";
    /** Key of the socket concerned. */
    public static final String SOCKET = "socket";
    /** Key of the creation stack, in debug mode. */
    public static final String SOURCE_TRACEBACK = "source_traceback";
    /** Key of the context that a failing custom exception handler was given. */
    public static final String CONTEXT = "context";

    private final Map<String, Object> values;

    private ExceptionContext(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * A context with a message and nothing else.
     *
     * @param message the message
     * @return the context
     */
    public static ExceptionContext of(String message) {
        return builder(message).build();
    }

    /**
     * A context with a message and an exception.
     *
     * @param message the message
     * @param exception the exception, may be {@code null}
     * @return the context
     */
    public static ExceptionContext of(String message, Throwable exception) {
        return builder(message).exception(exception).build();
    }

    /**
     * Starts a context.
     *
     * @param message the message, never {@code null}
     * @return a builder
     */
    public static Builder builder(String message) {
        return new Builder(message);
    }

    /**
     * The message.
     *
     * @return the message
     */
    public String message() {
        return (String) values.get(MESSAGE);
    }

    /**
     * The exception, if any.
     *
     * @return the exception or {@code null}
     */
    public Throwable exception() {
        return (Throwable) values.get(EXCEPTION);
    }

    /**
     * The value of a key.
     *
     * @param key the key
     * @return the value, or {@code null} when absent
     */
    public Object get(String key) {
        return values.get(key);
    }

    /**
     * All keys and values, in insertion order.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Builds an {@link ExceptionContext}. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder(String message) {
            values.put(MESSAGE, java.util.Objects.requireNonNull(message, "message"));
        }

        /**
         * Sets any key; a {@code null} value leaves the key out.
         *
         * @param key the key
         * @param value the value
         * @return this
         */
        public Builder put(String key, Object value) {
            if (value != null) {
                values.put(key, value);
            }
            return this;
        }

        /**
         * Sets {@code exception}.
         *
         * @param exception the exception
         * @return this
         */
        public Builder exception(Throwable exception) {
            return put(EXCEPTION, exception);
        }

        /**
         * Sets {@code handle}.
         *
         * @param handle the handle
         * @return this
         */
        public Builder handle(Handle handle) {
            return put(HANDLE, handle);
        }

        /**
         * Sets {@code future}.
         *
         * @param future the future
         * @return this
         */
        public Builder future(Future<?> future) {
            return put(FUTURE, future);
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public ExceptionContext build() {
            return new ExceptionContext(new LinkedHashMap<>(values));
        }
    }
}
