package dev.migrations.boot.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Which instance and tenants a command runs for: {@code --instance NAME}, {@code --tenant NAME},
 * {@code --all-tenants}, accepted anywhere among the arguments (before or after the command).
 */
record Selection(String instance, String tenant, boolean allTenants) {

    static final Selection NONE = new Selection(null, null, false);

    /** The selection and the arguments left for the command. */
    record Extracted(Selection selection, String[] rest) {}

    static Extracted extract(String... args) {
        String instance = null;
        String tenant = null;
        boolean allTenants = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--all-tenants")) {
                allTenants = true;
            } else if (arg.equals("--instance") || arg.equals("--tenant")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                    throw new IllegalArgumentException("Missing required parameter for option '" + arg + "' (NAME)");
                }
                String value = args[++i];
                if (arg.equals("--instance")) {
                    instance = value;
                } else {
                    tenant = value;
                }
            } else if (arg.startsWith("--instance=")) {
                instance = arg.substring("--instance=".length());
            } else if (arg.startsWith("--tenant=")) {
                tenant = arg.substring("--tenant=".length());
            } else {
                rest.add(arg);
            }
        }
        if (tenant != null && allTenants) {
            throw new IllegalArgumentException("--tenant and --all-tenants are mutually exclusive: choose one");
        }
        return new Extracted(new Selection(instance, tenant, allTenants), rest.toArray(String[]::new));
    }
}
