/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Runnable examples of {@code docs/debugging-beyond-asyncio.md}: the stall watchdog, the JFR events, the live task
 * dump and strict mode, each printing what the document shows. {@code ./jasyncio tools <example>} runs one.
 */
package io.jasyncio.examples.tools;
