/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio;

/**
 * When {@link Asyncio#wait} returns.
 *
 * @asyncio asyncio.FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
 */
public enum ReturnWhen {
    /** When any future finishes or is cancelled. */
    FIRST_COMPLETED,
    /** When any future finishes by raising an exception; else as ALL_COMPLETED. */
    FIRST_EXCEPTION,
    /** When all futures finish or are cancelled. */
    ALL_COMPLETED
}
