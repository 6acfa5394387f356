/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * The examples of {@code docs/develop-with-jasyncio.md}, the "Develop with asyncio" guide in Java: one small program
 * per section, each showing a trap and the message debug mode gives for it, then the fix. {@link
 * io.jasyncio.examples.guide.Guide} runs them by section name ({@code ./jasyncio guide never-retrieved}). The debug
 * checks' messages go to the {@code asyncio} logger (slf4j-simple on standard error); what the programs themselves
 * say goes to standard output.
 */
package io.jasyncio.examples.guide;
