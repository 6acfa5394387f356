/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.NoSuchElementException;

/**
 * A context variable: a value per task, where a ThreadLocal would be shared by every task of a loop. A new task starts
 * with a copy of its creator's values; {@link #set} in a task changes what that task (and the tasks it creates later)
 * sees, and nothing else.
 *
 * @param <T> the value type
 * @asyncio contextvars.ContextVar
 */
public final class ContextVar<T> {
    private final String name;
    private final T defaultValue;
    private final boolean hasDefault;

    /**
     * A variable without a default: {@link #get()} throws until it is set.
     *
     * @param name the name, for logs
     */
    public ContextVar(String name) {
        this.name = name;
        this.defaultValue = null;
        this.hasDefault = false;
    }

    /**
     * A variable with a default value.
     *
     * @param name the name, for logs
     * @param defaultValue the value when not set
     */
    public ContextVar(String name, T defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
        this.hasDefault = true;
    }

    /**
     * The variable's name.
     *
     * @return the name
     * @asyncio ContextVar.name
     */
    public String name() {
        return name;
    }

    /**
     * The value in the current context (the current task's, else the thread's).
     *
     * @return the value, or the default
     * @throws NoSuchElementException if not set and no default (asyncio's LookupError)
     * @asyncio ContextVar.get()
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Context ctx = Context.current();
        if (ctx.containsKey(this)) {
            return (T) ctx.value(this);
        }
        if (hasDefault) {
            return defaultValue;
        }
        throw new NoSuchElementException("ContextVar '" + name + "' is not set");
    }

    /**
     * The value in the current context, or a fallback.
     *
     * @param fallback returned when the variable is not set
     * @return the value
     * @asyncio ContextVar.get(default)
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Context ctx = Context.current();
        return ctx.containsKey(this) ? (T) ctx.value(this) : fallback;
    }

    /**
     * Sets the value in the current context.
     *
     * @param value the value
     * @return a token that {@link #reset(Token)} takes to restore the previous value
     * @asyncio ContextVar.set(value)
     */
    public Token<T> set(T value) {
        Context ctx = Context.current();
        Token<T> token = new Token<>(this, ctx.containsKey(this), ctx.value(this), ctx);
        ctx.put(this, value);
        return token;
    }

    /**
     * Restores the value that was current before the {@link #set} that returned the token.
     *
     * @param token the token
     * @throws IllegalStateException "Token has already been used once"
     * @throws IllegalArgumentException "Token was created by a different ContextVar", or "Token was created in a
     *     different Context" (another task's, another thread's outside tasks, or one left by {@link Context#run})
     * @asyncio ContextVar.reset(token)
     */
    public void reset(Token<T> token) {
        if (token.used) {
            throw new IllegalStateException("Token has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException("Token was created by a different ContextVar");
        }
        Context ctx = Context.current();
        if (token.context != ctx) {
            throw new IllegalArgumentException("Token was created in a different Context");
        }
        token.used = true;
        if (token.hadValue) {
            ctx.put(this, token.oldValue);
        } else {
            ctx.remove(this);
        }
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'>";
    }

    /**
     * What {@link #set} returns: the previous value, for {@link #reset(Token)}.
     *
     * @param <T> the value type
     * @asyncio contextvars.Token
     */
    public static final class Token<T> {
        private final ContextVar<T> var;
        private final boolean hadValue;
        private final Object oldValue;
        /** The context the token was made in. */
        private final Context context;
        private boolean used;

        private Token(ContextVar<T> var, boolean hadValue, Object oldValue, Context context) {
            this.var = var;
            this.hadValue = hadValue;
            this.oldValue = oldValue;
            this.context = context;
        }

        /**
         * The variable.
         *
         * @return the variable
         */
        public ContextVar<T> var() {
            return var;
        }
    }
}
