package io.singlewindow.platform;

/**
 * A module's column of {@link SealedSecrets}, declared as a bean: at start, the platform seals the values stored there
 * before sealing existed, each for {@code contextPrefix + <the row's id>} — the context the module seals and opens
 * them with. The names are the module's own, never input.
 */
public record SealedColumn(String table, String idColumn, String column, String contextPrefix) {
}
