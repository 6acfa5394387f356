/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.tests.adversarial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures an attack leaves (the server's CPU, the good client's slowest answer, memory, descriptors), printed and
 * appended to {@code target/adversarial-figures.txt}, from which {@code docs/hardening.md}'s table is written.
 */
final class Figures {
    private static final Path FILE = Path.of("target", "adversarial-figures.txt");

    private Figures() {
    }

    /**
     * Records one attack's figures.
     *
     * @param attack the test's name
     * @param format the figures, as {@link String#format}
     * @param args its arguments
     */
    static synchronized void record(String attack, String format, Object... args) {
        String line = attack + " | " + String.format(format, args) + System.lineSeparator();
        System.out.print("figures: " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("figures not written: " + e);
        }
    }

    /** Megabytes, for the figures. */
    static double mb(long bytes) {
        return bytes / 1e6;
    }
}
