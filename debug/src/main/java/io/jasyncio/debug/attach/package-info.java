/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Looking at a running process from outside: {@code ./jasyncio ps PID} and {@code ./jasyncio pstree PID}, CPython
 * 3.14's {@code python -m asyncio ps} and {@code pstree} for the JVM.
 *
 * <p>The design: {@link io.jasyncio.debug.attach.Ps}, in its own JVM, attaches to the target with the JDK's Attach API
 * ({@code com.sun.tools.attach}, allowed by default between processes of one user) and loads
 * {@link io.jasyncio.debug.attach.AttachAgent} into it: a small jar it writes to a temporary directory, holding this
 * package and the task dump. In the target, the agent finds the open loops
 * ({@link io.jasyncio.spi.LoopProbe#openLoops()}), takes each one's {@link io.jasyncio.debug.dump.TaskDump} (on the
 * loop's own thread when it answers within 200 ms, else read from the agent's thread), renders it as a table
 * ({@link io.jasyncio.debug.attach.TaskTable}), a tree ({@link io.jasyncio.debug.attach.TaskTree}) or JSON, and writes
 * the text to a file that {@code Ps} prints. Nothing is needed in the target beyond jasyncio on its class path or
 * module path: no flag, no restart, no port. JDK 21 and newer print a warning in the target when an agent is loaded
 * into it; {@code -XX:+EnableDynamicAgentLoading} in the target silences it.
 *
 * <p>Limits: the agent sees the jasyncio that the target's system class loader sees (an application that loads
 * jasyncio in a class loader of its own, as some application servers do, shows no loop); a process started with
 * {@code -XX:+DisableAttachMechanism} cannot be looked at.
 */
package io.jasyncio.debug.attach;
