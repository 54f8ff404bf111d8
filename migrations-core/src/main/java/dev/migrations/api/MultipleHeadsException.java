package dev.migrations.api;

import java.util.List;

/** A single head was asked for ({@code head}, {@code label@head}) and the graph has several. */
public final class MultipleHeadsException extends MigrationsException {

    private static final long serialVersionUID = 1L;

    private final List<String> heads;

    public MultipleHeadsException(List<String> heads, String argument) {
        super("Multiple head revisions are present for given argument '" + argument
                + "'; please specify a specific target revision, '<branchname>@head' to narrow to a"
                + " specific head, or 'heads' for all heads (heads: " + String.join(", ", heads)
                + "). To join them run `migrations merge -m \"merge\" heads`.");
        this.heads = List.copyOf(heads);
    }

    public List<String> heads() {
        return heads;
    }
}
