/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * jasyncio's debug-mode checks (slow callbacks, never-awaited coroutines, never-retrieved exceptions, pending tasks,
 * unclosed resources), the stall watchdog, the JFR events, the task dump and the JMX bean, installed as
 * {@link io.jasyncio.spi.LoopInterceptorProvider} services.
 */
module io.jasyncio.debug {
    requires transitive io.jasyncio;
    requires transitive org.slf4j; // DebugLog.LOGGER
    requires transitive java.management; // LoopMBeans.register returns an ObjectName
    requires jdk.jfr;
    requires static jdk.attach; // ./jasyncio ps: only the command that attaches needs it, not the target

    exports io.jasyncio.debug;
    exports io.jasyncio.debug.attach;
    exports io.jasyncio.debug.dump;
    exports io.jasyncio.debug.jfr;
    exports io.jasyncio.debug.strict;
    exports io.jasyncio.debug.watchdog;

    provides io.jasyncio.spi.LoopInterceptorProvider with
            io.jasyncio.debug.SlowCallbackCheck.Provider,
            io.jasyncio.debug.SlowPollCheck.Provider,
            io.jasyncio.debug.NeverAwaitedCheck.Provider,
            io.jasyncio.debug.NeverRetrievedCheck.Provider,
            io.jasyncio.debug.PendingTaskCheck.Provider,
            io.jasyncio.debug.UnclosedResourceCheck.Provider,
            io.jasyncio.debug.watchdog.WatchdogProvider,
            io.jasyncio.debug.jfr.JfrProvider,
            io.jasyncio.debug.dump.JmxProvider;
}
