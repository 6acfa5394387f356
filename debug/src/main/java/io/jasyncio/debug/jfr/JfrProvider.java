/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.jfr;

import io.jasyncio.EventLoop;
import io.jasyncio.spi.LoopInterceptor;
import io.jasyncio.spi.LoopInterceptorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Puts the {@link JfrInterceptor} on every loop while a JFR recording runs with its events ({@code io.jasyncio.SlowCallback}
 * or {@code io.jasyncio.SlowPoll}) enabled, and takes it off when no recording wants them: with no recording, or with
 * recordings that disable those two events, the loops carry no interceptor and stay on their plain path. Loops are
 * remembered weakly.
 *
 * <p>The events' state is read when a recording starts or stops (JFR's {@link FlightRecorderListener}); a change of a
 * running recording's settings counts from the next start or stop of any recording.
 */
public final class JfrProvider implements LoopInterceptorProvider {
    /** The live loops, and their interceptor while a recording runs (else {@code null}). Guarded by itself. */
    private static final Map<EventLoop, JfrInterceptor> LOOPS = new WeakHashMap<>();
    private static volatile boolean listening;
    private static volatile boolean recording;

    /** For {@link java.util.ServiceLoader}. */
    public JfrProvider() {
    }

    @Override
    public LoopInterceptor create(EventLoop loop) {
        listen();
        synchronized (LOOPS) {
            JfrInterceptor interceptor = recording ? new JfrInterceptor() : null;
            LOOPS.put(loop, interceptor);
            return interceptor;
        }
    }

    @Override
    public boolean debugOnly() {
        return false;
    }

    static void forget(EventLoop loop) {
        synchronized (LOOPS) {
            LOOPS.remove(loop);
        }
    }

    private static void listen() {
        if (listening) {
            return;
        }
        synchronized (JfrProvider.class) {
            if (listening) {
                return;
            }
            listening = true;
            try {
                FlightRecorder.addListener(new FlightRecorderListener() {
                    @Override
                    public void recordingStateChanged(Recording r) {
                        update();
                    }
                });
                update();
            } catch (RuntimeException | LinkageError e) {
                // JFR is missing or not permitted: the events stay off, nothing else changes.
            }
        }
    }

    private static void update() {
        boolean running = false;
        if (FlightRecorder.isInitialized()) {
            for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
                if (r.getState() == RecordingState.RUNNING) {
                    running = true;
                    break;
                }
            }
        }
        if (running) {
            JfrEvents.warmUp();
            // A recording that leaves the interceptor's events off (io.jasyncio.SlowCallback and SlowPoll disabled)
            // must not switch every loop to the watched path: only their state counts, as the recordings set it.
            running = JfrEvents.loopEventsEnabled();
        }
        List<Runnable> changes = new ArrayList<>();
        synchronized (LOOPS) {
            recording = running;
            for (Map.Entry<EventLoop, JfrInterceptor> e : LOOPS.entrySet()) {
                EventLoop loop = e.getKey();
                JfrInterceptor current = e.getValue();
                if (running && current == null) {
                    JfrInterceptor added = new JfrInterceptor();
                    e.setValue(added);
                    changes.add(() -> loop.addInterceptor(added));
                } else if (!running && current != null) {
                    e.setValue(null);
                    changes.add(() -> loop.removeInterceptor(current));
                }
            }
        }
        changes.forEach(Runnable::run);
    }
}
