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

/** A future or task failed and was collected without anybody retrieving its exception. */
@Name("io.jasyncio.ExceptionNeverRetrieved")
@Label("Exception Never Retrieved")
@Category("jasyncio")
@Description("A future or task failed and was collected without anybody retrieving its exception.")
@StackTrace(false)
final class ExceptionNeverRetrievedEvent extends Event {
    @Label("Future")
    String future;

    @Label("Exception")
    String exception;

    @Label("Created At")
    String createdAt;
}
