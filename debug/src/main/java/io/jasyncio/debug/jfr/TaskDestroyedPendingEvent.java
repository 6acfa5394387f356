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

/** A task was collected while still pending: Task was destroyed but it is pending! */
@Name("io.jasyncio.TaskDestroyedPending")
@Label("Task Destroyed Pending")
@Category("jasyncio")
@Description("A task was collected while still pending: Task was destroyed but it is pending!")
@StackTrace(false)
final class TaskDestroyedPendingEvent extends Event {
    @Label("Task")
    String task;

    @Label("Created At")
    String createdAt;
}
