/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.attach;

import io.jasyncio.EventLoop;
import io.jasyncio.debug.dump.TaskDump;
import io.jasyncio.spi.LoopProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The agent that {@link Ps} loads into the process it looks at: dumps every open loop's tasks and writes them, as
 * text or JSON, to the file named in its argument.
 */
public final class AttachAgent {
    private AttachAgent() {
    }

    /**
     * Runs in the target, on the JVM's attach thread.
     *
     * @param args {@code FORMAT<tab>FILE}: {@code ps}, {@code pstree} or {@code json}, and where to write
     */
    public static void agentmain(String args) {
        int tab = args == null ? -1 : args.indexOf('\t');
        if (tab < 0) {
            return; // not called by Ps: nothing to write to
        }
        String format = args.substring(0, tab);
        Path out = Path.of(args.substring(tab + 1));
        String text;
        try {
            text = render(format, dumps());
        } catch (RuntimeException | LinkageError e) {
            text = "ERROR: the dump failed in the target: " + e;
        }
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The target's own log: this runs inside it, and Ps reports the missing file on its side.
            LoggerFactory.getLogger("asyncio").warn("jasyncio ps: cannot write {}", out, e);
        }
    }

    /** Every open loop's dump. */
    static List<TaskDump> dumps() {
        List<TaskDump> dumps = new ArrayList<>();
        for (EventLoop loop : LoopProbe.openLoops()) {
            if (!loop.isClosed()) {
                dumps.add(TaskDump.of(loop));
            }
        }
        return dumps;
    }

    /**
     * Renders the dumps.
     *
     * @param format {@code ps}, {@code pstree} or {@code json}
     * @param dumps one per loop
     * @return the text; for {@code pstree} of a cyclic await graph, it starts with {@code ERROR:}
     */
    static String render(String format, List<TaskDump> dumps) {
        long pid = ProcessHandle.current().pid();
        return switch (format) {
            case "json" -> {
                StringBuilder sb = new StringBuilder("{\"pid\":").append(pid).append(",\"loops\":[");
                for (int i = 0; i < dumps.size(); i++) {
                    sb.append(i == 0 ? "" : ",").append(dumps.get(i).json());
                }
                yield sb.append("]}\n").toString();
            }
            case "pstree" -> TaskTree.render(pid, dumps);
            default -> TaskTable.render(pid, dumps);
        };
    }
}
