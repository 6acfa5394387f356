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

/** A callback took longer than the loop's slowCallbackDuration. */
@Name("io.jasyncio.SlowCallback")
@Label("Slow Callback")
@Category("jasyncio")
@Description("A callback took longer than the loop's slowCallbackDuration.")
@StackTrace(false)
final class SlowCallbackEvent extends Event {
    @Label("Loop")
    String loop;

    @Label("Handle")
    String handle;

    @Label("Task")
    @Description("The task whose step the callback ran, if any")
    String task;

    @Label("Callback Duration")
    @Timespan(Timespan.NANOSECONDS)
    long callbackDuration;
}
