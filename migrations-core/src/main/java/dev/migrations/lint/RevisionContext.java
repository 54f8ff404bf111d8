package dev.migrations.lint;

import dev.migrations.platform.DdlSettings;
import dev.migrations.platform.SafetyContext;
import dev.migrations.schema.Table;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@link SafetyContext} of the change the lint is looking at, within one revision. */
final class RevisionContext implements SafetyContext {

    private final LintState state;
    private final boolean inTransaction;
    private final DdlSettings ddl;
    private final Map<String, String> settings = new HashMap<>();

    RevisionContext(LintState state, boolean inTransaction, DdlSettings ddl) {
        this.state = state;
        this.inTransaction = inTransaction;
        this.ddl = ddl;
    }

    void set(String setting, String value) {
        settings.put(setting.toLowerCase(Locale.ROOT), value);
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public boolean isNew(String table) {
        return table != null && state.isNew(table);
    }

    @Override
    public Optional<Table> table(String table) {
        return state.table(table);
    }

    @Override
    public java.util.Collection<Table> tables() {
        return state.tables();
    }

    @Override
    public Optional<String> tableOfIndex(String index) {
        return state.tableOfIndex(index);
    }

    @Override
    public boolean addedNotValidInThisTransaction(String table, String constraint) {
        return inTransaction && state.notValidated(table, constraint) && state.addedInThisRevision(table, constraint);
    }

    @Override
    public boolean provenNotNull(String table, String column) {
        return state.provenNotNull(table, column);
    }

    @Override
    public Optional<String> sessionSetting(String name) {
        return Optional.ofNullable(settings.get(name.toLowerCase(Locale.ROOT)));
    }

    @Override
    public DdlSettings ddlSettings() {
        return ddl;
    }
}
