/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */
package io.jasyncio.debug.attach;

import io.jasyncio.debug.dump.TaskDump;
import io.jasyncio.debug.dump.TaskInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ps}: one row per task of every loop, as CPython 3.14's {@code python -m asyncio ps} prints them: the task,
 * its state, what it awaits and since when, its await chain and who awaits it.
 */
final class TaskTable {
    private static final String[] HEADER = {"loop", "task name", "state", "awaits", "for (s)", "await chain",
        "awaited by"};
    /** A cell longer than this is cut, with an ellipsis: one row stays one line. */
    private static final int MAX_CELL = 60;

    private TaskTable() {
    }

    static String render(long pid, List<TaskDump> dumps) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        int loopNumber = 0;
        StringBuilder loops = new StringBuilder();
        for (TaskDump d : dumps) {
            loopNumber++;
            loops.append("loop ").append(loopNumber).append(": ").append(d.loop()).append('\n');
            for (TaskInfo t : d.tasks()) {
                rows.add(new String[] {
                    String.valueOf(loopNumber),
                    t.name(),
                    t.state() + (t.cancelling() > 0 ? " (cancelling)" : ""),
                    t.awaits() == null ? "" : t.awaits(),
                    t.waitingNanos() < 0 ? "" : String.format(Locale.ROOT, "%.3f", t.waitingNanos() / 1e9),
                    String.join(" -> ", t.awaitChain()),
                    String.join(", ", t.awaitedBy()),
                });
            }
        }
        StringBuilder sb = new StringBuilder("process ").append(pid).append(": ").append(dumps.size())
                .append(dumps.size() == 1 ? " open loop, " : " open loops, ").append(rows.size() - 1)
                .append(rows.size() == 2 ? " task" : " tasks").append('\n').append(loops);
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                row[i] = cut(row[i]);
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String cut(String cell) {
        String one = cell.replace('\n', ' ');
        return one.length() <= MAX_CELL ? one : one.substring(0, MAX_CELL - 3) + "...";
    }
}
