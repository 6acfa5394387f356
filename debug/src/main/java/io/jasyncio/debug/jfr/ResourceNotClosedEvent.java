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

/** A transport, server or loop was collected, or its loop closed, while still open. */
@Name("io.jasyncio.ResourceNotClosed")
@Label("Resource Not Closed")
@Category("jasyncio")
@Description("A transport, server or loop was collected, or its loop closed, while still open.")
@StackTrace(false)
final class ResourceNotClosedEvent extends Event {
    @Label("Resource")
    String resource;

    @Label("Created At")
    String createdAt;
}
