@NullMarked
package dev.migrations.boot.cli;

import org.jspecify.annotations.NullMarked;
