/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a child JVM that runs a main of the test class path: this JVM's {@code java}, the
 * JVM flags this JVM was given (the fast-path export and native access, written once in the parent pom), and the
 * backend under test. The caller adds {@code -cp}, the main class and its arguments.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * The command's first words.
     *
     * @param fastPath whether to pass on the {@code --add-exports} of the coroutine fast path
     * @return a mutable list: java, the flags, {@code -Djasyncio.transport} when set
     */
    public static List<String> java(boolean fastPath) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (int i = 0; i < inherited.size(); i++) {
            String arg = inherited.get(i);
            if (arg.startsWith("--enable-native-access")) {
                command.add(arg);
            } else if (fastPath && arg.startsWith("--add-exports")) {
                command.add(arg);
                if (arg.equals("--add-exports") && i + 1 < inherited.size()) {
                    command.add(inherited.get(++i));
                }
            }
        }
        String transport = System.getProperty("jasyncio.transport");
        if (transport != null && !transport.isBlank()) {
            command.add("-Djasyncio.transport=" + transport);
        }
        return command;
    }
}
