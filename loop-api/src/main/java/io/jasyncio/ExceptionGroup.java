/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

import java.util.List;

/**
 * Several exceptions raised together, as a {@link TaskGroup} raises the failures of its children. Each one is also
 * attached as a suppressed exception, so that stack traces show them all.
 *
 * @asyncio BaseExceptionGroup / ExceptionGroup
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Throwable> exceptions;

    /**
     * Creates the group.
     *
     * @param message the message
     * @param exceptions the exceptions, not empty
     */
    @SuppressWarnings("this-escape") // addSuppressed is final in Throwable
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(message + " (" + exceptions.size() + " sub-exception" + (exceptions.size() == 1 ? "" : "s") + ")");
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("second argument (exceptions) must be a non-empty sequence");
        }
        this.exceptions = List.copyOf(exceptions);
        for (Throwable t : this.exceptions) {
            addSuppressed(t);
        }
    }

    /**
     * The exceptions, in the order they happened.
     *
     * @return an immutable list
     * @asyncio ExceptionGroup.exceptions
     */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
