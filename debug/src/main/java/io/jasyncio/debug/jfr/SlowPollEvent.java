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

/** An I/O poll returned later than its timeout by more than slowCallbackDuration: its I/O callbacks were slow. */
@Name("io.jasyncio.SlowPoll")
@Label("Slow Poll")
@Category("jasyncio")
@Description("An I/O poll returned later than its timeout by more than slowCallbackDuration: its I/O callbacks were slow.")
@StackTrace(false)
final class SlowPollEvent extends Event {
    @Label("Loop")
    String loop;

    @Label("Timeout")
    @Timespan(Timespan.NANOSECONDS)
    long timeout;

    @Label("Poll Duration")
    @Timespan(Timespan.NANOSECONDS)
    long pollDuration;
}
