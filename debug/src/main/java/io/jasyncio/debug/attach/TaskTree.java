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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code pstree}: each loop's tasks as a tree of who awaits whom, as CPython 3.14's {@code python -m asyncio pstree}
 * draws it: a task no one awaits is a root, and under each task, the task it awaits; the leaf shows the future it
 * waits on. A cycle in the await graph cannot be drawn as a tree: it is reported instead, as CPython does.
 */
final class TaskTree {

    private TaskTree() {
    }

    static String render(long pid, List<TaskDump> dumps) {
        StringBuilder tree = new StringBuilder();
        List<String> cycles = new ArrayList<>();
        for (TaskDump d : dumps) {
            tree.append(d.loop()).append('\n');
            Map<String, TaskInfo> byName = new LinkedHashMap<>();
            for (TaskInfo t : d.tasks()) {
                byName.putIfAbsent(t.name(), t);
            }
            List<TaskInfo> roots = new ArrayList<>();
            for (TaskInfo t : d.tasks()) {
                if (t.awaitedBy().isEmpty()) {
                    roots.add(t);
                }
            }
            Set<String> drawn = new HashSet<>();
            for (int i = 0; i < roots.size(); i++) {
                draw(tree, roots.get(i), byName, "", i == roots.size() - 1, drawn);
            }
            for (TaskInfo t : d.tasks()) {
                if (!drawn.contains(t.name()) && t.awaitChain().contains("(cycle)")) {
                    cycles.add(String.join(" -> ", t.awaitChain()));
                }
            }
        }
        if (!cycles.isEmpty()) {
            StringBuilder sb = new StringBuilder("ERROR: await-graph contains cycles - cannot print a tree!\n");
            for (String c : cycles) {
                sb.append("cycle: ").append(c).append('\n');
            }
            return sb.toString();
        }
        return "process " + pid + "\n" + tree;
    }

    private static void draw(StringBuilder sb, TaskInfo t, Map<String, TaskInfo> byName, String indent, boolean last,
            Set<String> drawn) {
        sb.append(indent).append(last ? "└── " : "├── ").append("(T) ").append(t.name());
        if (!drawn.add(t.name())) {
            sb.append("  (drawn above)\n"); // awaited by more than one task
            return;
        }
        sb.append("  [").append(t.state());
        if (t.waitingNanos() >= 0) {
            sb.append(String.format(Locale.ROOT, " %.3f s", t.waitingNanos() / 1e9));
        }
        sb.append("]\n");
        String inner = indent + (last ? "    " : "│   ");
        List<String> chain = t.awaitChain();
        if (chain.size() < 2) {
            return;
        }
        TaskInfo next = byName.get(chain.get(1));
        if (next != null) {
            draw(sb, next, byName, inner, true, drawn);
        } else {
            sb.append(inner).append("└── ").append(chain.get(1)).append('\n'); // the future it waits on
        }
    }
}
