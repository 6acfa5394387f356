/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * JDK Flight Recorder events of the loop, category "jasyncio": {@code io.jasyncio.LoopStall}, {@code SlowCallback},
 * {@code SlowPoll}, {@code TaskDestroyedPending}, {@code ExceptionNeverRetrieved} and {@code ResourceNotClosed}.
 *
 * <p>Design. The events are package-private {@link jdk.jfr.Event} classes; {@link io.jasyncio.debug.jfr.JfrEvents}
 * is the one way to emit them, and every method first asks whether its event is enabled, so that nothing (not even
 * turning arguments into text) happens when nobody records. The watchdog emits LoopStall; the debug-mode checks call
 * {@code JfrEvents.taskDestroyedPending}, {@code exceptionNeverRetrieved} and {@code resourceNotClosed} where they
 * report. SlowCallback and SlowPoll need the duration of every callback, which only an interceptor sees: the
 * {@link io.jasyncio.debug.jfr.JfrProvider} remembers every loop (weakly) and listens to the recorder; while at least
 * one running recording enables SlowCallback or SlowPoll it puts a {@link io.jasyncio.debug.jfr.JfrInterceptor} on
 * each loop, and it takes them off when no recording wants them. Without such a recording a loop carries no
 * interceptor at all and stays on its plain path: a service that keeps a recording on all the time and disables these
 * two events ({@code io.jasyncio.SlowCallback#enabled=false}) pays nothing per callback. The events' state is read
 * when a recording starts or stops.
 *
 * <p>Thresholds: a callback or task step is slow past the loop's {@code slowCallbackDuration} (0.1 s by default),
 * debug mode or not; a poll is slow when it returns later than its timeout by more than that (its I/O callbacks were
 * slow). Record with {@code -XX:StartFlightRecording} or {@code jcmd <pid> JFR.start}; the events are on by default.
 */
package io.jasyncio.debug.jfr;
