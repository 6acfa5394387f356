/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** The loop stayed blocked in one callback, task step or I/O callback past the watchdog threshold. */
@Name("io.jasyncio.LoopStall")
@Label("Loop Stall")
@Category("jasyncio")
@Description("The loop stayed blocked in one callback, task step or I/O callback past the watchdog threshold.")
@StackTrace(false)
final class LoopStallEvent extends Event {
    @Label("Loop")
    String loop;

    @Label("Running")
    @Description("The handle, or the I/O poll, that ran")
    String running;

    @Label("Task")
    String task;

    @Label("Stall Duration")
    @Timespan(Timespan.NANOSECONDS)
    long stallDuration;

    @Label("GC Pauses")
    @Description("GC pause time of the JVM during the stall")
    @Timespan(Timespan.NANOSECONDS)
    long gcPauses;

    @Label("Stack")
    @Description("The stack seen most often")
    String stack;
}
