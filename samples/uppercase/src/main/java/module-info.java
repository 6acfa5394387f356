/*
 * Copyright 2026 The jasyncio Project
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
 * with the License. You may obtain a copy of the License at https://www.apache.org/licenses/LICENSE-2.0
 */

/** The uppercase sample: a line-based TCP server on streams, and its clients. */
module io.jasyncio.samples.uppercase {
    requires io.jasyncio;
}
