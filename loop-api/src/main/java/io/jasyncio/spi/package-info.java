/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Extension points: {@link io.jasyncio.spi.EventLoopProvider} makes loops with I/O and is found with
 * {@link java.util.ServiceLoader}, so that the API module needs no I/O library. The interceptor SPI of debug mode
 * will live here too.
 */
package io.jasyncio.spi;
