/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * {@code ./jasyncio ps PID [--json]} and {@code ./jasyncio pstree PID [--json]}: every task of every open loop of a
 * running JVM, as a table or as a tree of who awaits whom. See the package's design note for how it looks inside.
 */
public final class Ps {
    /** What the agent jar holds of this module's classes: the agent, the renderers, the task dump. */
    private static final List<String> AGENT_PACKAGES = List.of("io/jasyncio/debug/attach/",
            "io/jasyncio/debug/dump/");

    private Ps() {
    }

    /**
     * Runs the command.
     *
     * @param args {@code ps PID [--json]} or {@code pstree PID [--json]}
     */
    public static void main(String[] args) {
        String usage = "usage: ./jasyncio ps PID [--json] | ./jasyncio pstree PID [--json]";
        if (args.length < 2 || !(args[0].equals("ps") || args[0].equals("pstree"))
                || (args.length == 3 && !args[2].equals("--json")) || args.length > 3) {
            System.err.println(usage);
            System.exit(2);
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("jasyncio " + args[0] + ": a process id is a number, not '" + args[1] + "'");
            System.exit(2);
            return;
        }
        String format = args.length == 3 ? "json" : args[0];
        String text;
        try {
            text = look(pid, format);
        } catch (IllegalStateException e) {
            System.err.println("jasyncio " + args[0] + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(text);
        System.out.flush();
        System.exit(text.startsWith("ERROR:") ? 1 : 0);
    }

    /**
     * Looks at a process: attaches to it, loads the agent, and returns what it wrote.
     *
     * @param pid the process
     * @param format {@code ps} (a table), {@code pstree} (a tree) or {@code json}
     * @return the text; for {@code pstree} of a cyclic await graph, it starts with {@code ERROR:}
     * @throws IllegalStateException in one line, when the process cannot be attached to or has no jasyncio
     */
    public static String look(long pid, String format) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jasyncio-ps");
            Path jar = agentJar(dir.resolve("jasyncio-ps-agent.jar"));
            Path out = dir.resolve("out.txt");
            VirtualMachine vm = attach(pid);
            try {
                vm.loadAgent(jar.toString(), format + "\t" + out);
            } catch (AgentLoadException | AgentInitializationException e) {
                throw new IllegalStateException("process " + pid + " could not run the dump (does it use jasyncio, "
                        + "from its class path or module path?): " + e.getMessage(), e);
            } finally {
                vm.detach();
            }
            if (!Files.exists(out)) {
                throw new IllegalStateException("process " + pid + " wrote no dump");
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot look at process " + pid + ": " + e, e);
        } finally {
            if (dir != null) {
                deleteAll(dir);
            }
        }
    }

    private static VirtualMachine attach(long pid) throws IOException {
        try {
            return VirtualMachine.attach(String.valueOf(pid));
        } catch (AttachNotSupportedException e) {
            throw new IllegalStateException("cannot attach to process " + pid + " (not a JVM of this user, or "
                    + "started with -XX:+DisableAttachMechanism): " + e.getMessage(), e);
        }
    }

    /** Writes the agent jar: this module's agent and dump classes, no service files (they would install checks). */
    private static Path agentJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Agent-Class"), AttachAgent.class.getName());
        Path source;
        try {
            source = Path.of(AttachAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the agent's classes", e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        String name = source.relativize(f).toString().replace('\\', '/');
                        if (wanted(name)) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(f, out);
                            out.closeEntry();
                        }
                    }
                }
            } else {
                try (JarFile in = new JarFile(source.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) in.stream()::iterator) {
                        if (!e.isDirectory() && wanted(e.getName())) {
                            out.putNextEntry(new JarEntry(e.getName()));
                            try (InputStream data = in.getInputStream(e)) {
                                data.transferTo(out);
                            }
                            out.closeEntry();
                        }
                    }
                }
            }
        }
        return jar;
    }

    private static boolean wanted(String name) {
        return name.endsWith(".class") && AGENT_PACKAGES.stream().anyMatch(name::startsWith);
    }

    private static void deleteAll(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind: nothing to report to the user
        }
    }
}
