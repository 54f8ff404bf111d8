package dev.migrations.platform.mysql;

import dev.migrations.platform.SafetyRules;

/** MySQL's and MariaDB's lint rules. */
final class MysqlSafety extends SafetyRules {}
