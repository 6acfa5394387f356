/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.loop;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Signal;

/**
 * The child JVM of {@link SignalChildJvmTest}: handles the signal named by its argument (SIGHUP by default) on its
 * loop, prints "ready", and on the signal prints "got SIGxxx" and exits 0.
 */
public final class SignalChildMain {
    private SignalChildMain() {
    }

    /**
     * Runs the child.
     *
     * @param args the signal's name, for example {@code SIGHUP}
     */
    public static void main(String[] args) {
        Signal sig = Signal.valueOf(args.length > 0 ? args[0] : "SIGHUP");
        String got = Asyncio.run(() -> {
            EventLoop loop = Asyncio.getRunningLoop();
            Future<String> received = loop.createFuture();
            loop.addSignalHandler(sig, () -> received.setResult("got " + sig.name()));
            System.out.println("ready");
            System.out.flush();
            return Asyncio.await(received);
        });
        System.out.println(got);
        System.out.flush();
        System.exit(0);
    }
}
