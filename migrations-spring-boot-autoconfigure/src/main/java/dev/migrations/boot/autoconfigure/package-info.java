@NullMarked
package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
