/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/**
 * Child processes and pipes, on every backend: CPython's {@code test_subprocess.py} and the pipe tests of
 * {@code test_events.py}, with {@code /bin/sh}, {@code cat}, {@code sleep} and {@code head} as the children.
 */
package io.jasyncio.tests.subprocess;
